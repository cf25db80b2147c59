package org.outreachcrm.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErasedPersonNameTest {

	@Test
	void recognizesOnlyTheStoredNameOfAnErasedPerson() {
		assertThat(ErasedPersonName.id(ErasedPersonName.of(4711))).hasValue(4711);
		assertThat(ErasedPersonName.id("Erased person #12 Kowalski")).isEmpty();
		assertThat(ErasedPersonName.id("Anna Erased person #12")).isEmpty();
		assertThat(ErasedPersonName.id("Erased person")).isEmpty();
		assertThat(ErasedPersonName.id(null)).isEmpty();
	}

}
