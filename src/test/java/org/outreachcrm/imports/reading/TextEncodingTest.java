package org.outreachcrm.imports.reading;

import java.nio.charset.Charset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextEncodingTest {

	@Test
	void choosesWindows1250ForPolishBytes() {
		byte[] bytes = "Łódź, Związek Nauczycielstwa Polskiego; Gdańsk".getBytes(TextEncoding.WINDOWS_1250);
		assertThat(TextEncoding.legacyCharset(bytes)).isEqualTo(TextEncoding.WINDOWS_1250);
	}

	@Test
	void choosesWindows1252ForWesternBytes() {
		byte[] bytes = "Société Générale; Genève; Straße; Señora Núñez".getBytes(TextEncoding.WINDOWS_1252);
		assertThat(TextEncoding.legacyCharset(bytes)).isEqualTo(TextEncoding.WINDOWS_1252);
	}

	@Test
	void recognizesCyrillicWindows1251() {
		Charset cp1251 = Charset.forName("windows-1251");
		byte[] bytes = ("Организация;Город;Страна\nСоюз учителей;Киев;Украина\nФонд развития;Москва;Россия\n"
				+ "Профсоюз работников образования и науки;Харьков;Украина\n")
			.getBytes(cp1251);
		assertThat(TextEncoding.legacyCharset(bytes)).isEqualTo(cp1251);
	}

}
