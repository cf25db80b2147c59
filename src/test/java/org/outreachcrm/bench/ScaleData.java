package org.outreachcrm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.outreachcrm.directory.bulk.DirectoryRow;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.shared.TextFolding;

/**
 * The realistic part of the scale data set: per country, the script and language of
 * organization names, cities, people's names and time zones. Everything is derived from
 * an index, so the same sizes always give the same data and no two organizations share a
 * name in one country.
 */
final class ScaleData {

	/**
	 * One country's vocabulary.
	 *
	 * @param suffixType whether the organization kind follows the words (Turkish,
	 * Chinese, Japanese) instead of leading them
	 * @param familyFirst whether a person's display name puts the family name first
	 */
	record Country(String code, String language, String zone, String[] kinds, String[] words, String[] cities,
			String[] given, String[] family, String branch, boolean suffixType, boolean familyFirst) {

		int baseNames() {
			return this.kinds.length * this.words.length * this.words.length * this.cities.length;
		}

	}

	static final List<Country> COUNTRIES = List.of(
			new Country("PL", "pl", "Europe/Warsaw",
					new String[] { "Fundacja", "Stowarzyszenie", "Związek", "Instytut", "Centrum" },
					new String[] { "Zielona", "Wolna", "Obywatelska", "Społeczna", "Równość", "Przyszłość",
							"Solidarność", "Młodzieżowa", "Kobieca", "Edukacyjna", "Ekologiczna", "Sąsiedzka" },
					new String[] { "Łódź", "Kraków", "Gdańsk", "Wrocław", "Poznań", "Białystok", "Rzeszów", "Toruń" },
					new String[] { "Łucja", "Zofia", "Małgorzata", "Wojciech", "Paweł", "Grzegorz", "Żaneta", "Jędrzej",
							"Agnieszka", "Bożena", "Ślęza", "Mikołaj" },
					new String[] { "Wiśniewski", "Łęcka", "Kowalczyk", "Żółkiewski", "Dąbrowska", "Szczęsny", "Mróz",
							"Gałązka", "Wróbel", "Zieliński", "Pietrzak", "Kaźmierczak" },
					"Koło", false, false),
			new Country("RO", "ro", "Europe/Bucharest",
					new String[] { "Asociația", "Fundația", "Sindicatul", "Centrul", "Institutul" },
					new String[] { "Științifică", "Civică", "Verde", "Solidaritate", "Tinerilor", "Dreptate",
							"Femeilor", "Educației", "Comunitară", "Democrației", "Sănătății", "Mediului" },
					new String[] { "București", "Iași", "Cluj-Napoca", "Timișoara", "Brașov", "Constanța", "Sibiu",
							"Târgu Mureș" },
					new String[] { "Ștefan", "Ioana", "Mihai", "Andreea", "Cătălin", "Răzvan", "Ionuț", "Mădălina",
							"Oana", "Tudor", "Ilinca", "Șerban" },
					new String[] { "Popescu", "Țurcanu", "Ionescu", "Dumitrescu", "Stănescu", "Bălan", "Munteanu",
							"Păun", "Constantinescu", "Văduva", "Ghiță", "Moldoveanu" },
					"Filiala", false, false),
			new Country("DE", "de", "Europe/Berlin",
					new String[] { "Verein", "Stiftung", "Gewerkschaft", "Institut", "Netzwerk" },
					new String[] { "Grüne", "Zukunft", "Bürger", "Gerechtigkeit", "Jugend", "Frieden", "Bildung",
							"Umwelt", "Nachbarschaft", "Frauen", "Arbeit", "Kultur" },
					new String[] { "München", "Köln", "Düsseldorf", "Nürnberg", "Lübeck", "Görlitz", "Würzburg",
							"Saarbrücken" },
					new String[] { "Jürgen", "Jörg", "Anja", "Björn", "Käthe", "Sören", "Lena", "Matthäus", "Uwe",
							"Sabine", "Günter", "Ines" },
					new String[] { "Müller", "Schäfer", "Größe", "Köhler", "Weiß", "Schröder", "Krämer", "Bäcker",
							"Hoffmann", "Fuß", "Wagner", "Jäger" },
					"Ortsgruppe", false, false),
			new Country("FR", "fr", "Europe/Paris",
					new String[] { "Association", "Fondation", "Collectif", "Syndicat", "Institut" },
					new String[] { "Solidarité", "Égalité", "Écologie", "Jeunesse", "Citoyenneté", "Éducation",
							"Liberté", "Santé", "Quartiers", "Femmes", "Culture", "Paix" },
					new String[] { "Besançon", "Orléans", "Nîmes", "Angoulême", "Évry", "Saint-Étienne", "Périgueux",
							"Béziers" },
					new String[] { "François", "Hélène", "Zoé", "Jérôme", "Cécile", "Aïssatou", "Gaël", "Noémie",
							"Loïc", "Mélanie", "Raphaël", "Inès" },
					new String[] { "Lefèvre", "Béranger", "Dupré", "Lemaître", "Géraud", "Fontaine", "Moreau", "Benoît",
							"Mercier", "Ségur", "Rivière", "Chevalier" },
					"Antenne", false, false),
			new Country("ES", "es", "Europe/Madrid",
					new String[] { "Asociación", "Fundación", "Sindicato", "Colectivo", "Instituto" },
					new String[] { "Solidaridad", "Educación", "Jóvenes", "Mujeres", "Ciudadanía", "Acción", "Salud",
							"Vecinal", "Cultura", "Igualdad", "Ecología", "Derechos" },
					new String[] { "Cádiz", "Málaga", "León", "Córdoba", "A Coruña", "Logroño", "Ávila", "Almería" },
					new String[] { "José", "María", "Begoña", "Íñigo", "Jesús", "Lucía", "Ramón", "Sofía", "Andrés",
							"Nuria", "Álvaro", "Inés" },
					new String[] { "Núñez", "Peña", "Ibáñez", "Gómez", "Martínez", "Muñoz", "Sánchez", "Rodríguez",
							"Jiménez", "Ortíz", "Domínguez", "Gutiérrez" },
					"Sede", false, false),
			new Country("PT", "pt", "Europe/Lisbon",
					new String[] { "Associação", "Fundação", "Sindicato", "Instituto", "Cooperativa" },
					new String[] { "Ação", "Cidadania", "Educação", "Juventude", "Solidária", "Saúde", "Mulheres",
							"Ambiente", "Comunitária", "Cultura", "Direitos", "Inclusão" },
					new String[] { "Lisboa", "Évora", "Guimarães", "Coimbra", "Setúbal", "Braga", "Viseu", "Funchal" },
					new String[] { "João", "Conceição", "Gonçalo", "Inês", "Sebastião", "Leonor", "Tomás", "Beatriz",
							"Simão", "Graça", "Rui", "Matilde" },
					new String[] { "Guimarães", "Magalhães", "Gonçalves", "Araújo", "Falcão", "Brandão", "Simões",
							"Antunes", "Lourenço", "Pestana", "Estêvão", "Damião" },
					"Núcleo", false, false),
			new Country("BR", "pt", "America/Sao_Paulo",
					new String[] { "Associação", "Instituto", "Coletivo", "Fundação", "Movimento" },
					new String[] { "Ação", "Cidadania", "Periferia", "Juventude", "Negra", "Educação", "Terra",
							"Moradia", "Saúde", "Mulheres", "Cultura", "Direitos" },
					new String[] { "São Paulo", "Brasília", "Belém", "Maceió", "Goiânia", "Niterói", "Florianópolis",
							"São Luís" },
					new String[] { "João", "Conceição", "Luíza", "Antônio", "Vitória", "Lúcia", "Sebastião", "Márcia",
							"Thaís", "Cauã", "Caíque", "Letícia" },
					new String[] { "Assunção", "Magalhães", "Gonçalves", "Araújo", "Conceição", "Brandão", "Simões",
							"Correia", "Romão", "Nóbrega", "Damásio", "Gusmão" },
					"Núcleo", false, false),
			new Country("TR", "tr", "Europe/Istanbul", new String[] { "Derneği", "Vakfı", "Sendikası", "Kooperatifi" },
					new String[] { "Yeşil", "Kadın", "Gençlik", "Dayanışma", "Eğitim", "Çevre", "Barış", "Sağlık",
							"Kültür", "Göç", "Emek", "Şehir" },
					new String[] { "İstanbul", "İzmir", "Eskişehir", "Muğla", "Diyarbakır", "Şanlıurfa", "Çanakkale",
							"Gaziantep" },
					new String[] { "Şükrü", "Gülşen", "Çağla", "İbrahim", "Ömer", "Ayşe", "Gökhan", "Şebnem", "Ümit",
							"Özlem", "Barış", "Nur" },
					new String[] { "Öztürk", "Yıldız", "Çelik", "Şahin", "Doğan", "Aydın", "Kılıç", "Güneş", "Özdemir",
							"Arslan", "Koç", "Ünal" },
					"Şubesi", true, false),
			new Country("UA", "uk", "Europe/Kyiv", new String[] { "Фонд", "Асоціація", "Спілка", "Центр", "Інститут" },
					new String[] { "Громадянська", "Молодь", "Відродження", "Освіта", "Свобода", "Жінки", "Довкілля",
							"Здоров'я", "Культура", "Права", "Громада", "Надія" },
					new String[] { "Київ", "Львів", "Харків", "Одеса", "Дніпро", "Чернівці", "Полтава", "Житомир" },
					new String[] { "Оксана", "Тарас", "Олена", "Богдан", "Ірина", "Юрій", "Наталія", "Андрій", "Галина",
							"Остап", "Соломія", "Євген" },
					new String[] { "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравчук", "Мельник", "Олійник",
							"Гнатюк", "Дяченко", "Савчук", "Лисенко", "Ярошенко" },
					"Осередок", false, false),
			new Country("BG", "bg", "Europe/Sofia", new String[] { "Фондация", "Сдружение", "Съюз", "Център" },
					new String[] { "Гражданско", "Младежко", "Зелено", "Образование", "Свобода", "Жени", "Здраве",
							"Култура", "Права", "Общност", "Надежда", "Развитие" },
					new String[] { "София", "Пловдив", "Варна", "Бургас", "Русе", "Стара Загора", "Плевен",
							"Велико Търново" },
					new String[] { "Георги", "Мария", "Иван", "Елена", "Димитър", "Цветелина", "Петър", "Йорданка",
							"Стоян", "Радка", "Здравко", "Веселина" },
					new String[] { "Иванов", "Петрова", "Георгиев", "Димитрова", "Стоянов", "Николова", "Христов",
							"Тодорова", "Василев", "Ангелова", "Маринов", "Атанасова" },
					"Клон", false, false),
			new Country("GR", "el", "Europe/Athens", new String[] { "Ένωση", "Ίδρυμα", "Σύλλογος", "Κέντρο", "Δίκτυο" },
					new String[] { "Αλληλεγγύη", "Νεολαία", "Παιδεία", "Περιβάλλον", "Υγεία", "Γυναίκες", "Πολιτισμός",
							"Δικαιώματα", "Ειρήνη", "Κοινότητα", "Ελπίδα", "Ανάπτυξη" },
					new String[] { "Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λάρισα", "Βόλος", "Ιωάννινα",
							"Χανιά" },
					new String[] { "Γιώργος", "Ελένη", "Νίκος", "Μαρία", "Δημήτρης", "Κατερίνα", "Σοφία", "Γιάννης",
							"Αθηνά", "Κώστας", "Ειρήνη", "Παναγιώτης" },
					new String[] { "Παπαδόπουλος", "Νικολάου", "Γεωργίου", "Οικονόμου", "Αντωνίου", "Καραγιάννη",
							"Δημητρίου", "Ιωάννου", "Βασιλείου", "Μιχαηλίδης", "Παπανικολάου", "Αλεξίου" },
					"Παράρτημα", false, false),
			new Country("EG", "ar", "Africa/Cairo", new String[] { "جمعية", "مؤسسة", "اتحاد", "مركز" },
					new String[] { "التنمية", "الشباب", "المرأة", "التعليم", "البيئة", "الصحة", "الثقافة", "الحقوق",
							"السلام", "المجتمع", "الأمل", "التضامن" },
					new String[] { "القاهرة", "الإسكندرية", "الجيزة", "أسوان", "الأقصر", "طنطا", "المنصورة",
							"بورسعيد" },
					new String[] { "محمد", "فاطمة", "أحمد", "ليلى", "حسن", "مريم", "يوسف", "نور", "عمر", "سلمى", "خالد",
							"هدى" },
					new String[] { "عبد الله", "حسين", "إبراهيم", "السيد", "منصور", "الشريف", "عثمان", "سليمان",
							"مصطفى", "رشيد", "نصار", "فهمي" },
					"فرع", false, false),
			new Country("IL", "he", "Asia/Jerusalem", new String[] { "עמותת", "קרן", "איגוד", "מרכז" },
					new String[] { "צדק", "שלום", "נוער", "חינוך", "סביבה", "בריאות", "נשים", "תרבות", "זכויות",
							"קהילה", "תקווה", "שוויון" },
					new String[] { "תל אביב", "ירושלים", "חיפה", "באר שבע", "נצרת", "אילת", "עכו", "רמלה" },
					new String[] { "דוד", "שרה", "יעל", "משה", "נועה", "יוסף", "רחל", "אבי", "תמר", "עומר", "מיכל",
							"איתן" },
					new String[] { "כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "שפירא", "גולן", "אזולאי",
							"דהן", "חדד" },
					"סניף", false, false),
			new Country("CN", "zh", "Asia/Shanghai", new String[] { "基金会", "协会", "研究所", "中心" },
					new String[] { "绿色", "青年", "教育", "环境", "健康", "妇女", "文化", "权利", "和平", "社区", "希望", "发展" },
					new String[] { "北京", "上海", "广州", "成都", "武汉", "西安", "杭州", "昆明" },
					new String[] { "伟", "芳", "小明", "娜", "秀英", "敏", "静", "磊", "洋", "艳", "勇", "军" },
					new String[] { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙" }, "分会", true, true),
			new Country("JP", "ja", "Asia/Tokyo", new String[] { "財団", "協会", "研究所", "センター" },
					new String[] { "未来", "環境", "平和", "教育", "青年", "女性", "文化", "健康", "地域", "人権", "希望", "共生" },
					new String[] { "東京", "大阪", "京都", "札幌", "福岡", "広島", "仙台", "那覇" },
					new String[] { "花子", "太郎", "陽子", "健", "美咲", "翔", "さくら", "大輔", "由美", "拓也", "愛", "誠" },
					new String[] { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田" }, "支部", true,
					true),
			new Country("IN", "hi", "Asia/Kolkata", new String[] { "संस्था", "फाउंडेशन", "संघ", "केंद्र" },
					new String[] { "विकास", "शिक्षा", "युवा", "महिला", "पर्यावरण", "स्वास्थ्य", "संस्कृति", "अधिकार",
							"शांति", "समुदाय", "आशा", "सेवा" },
					new String[] { "दिल्ली", "मुंबई", "पुणे", "जयपुर", "लखनऊ", "भोपाल", "पटना", "वाराणसी" },
					new String[] { "राहुल", "प्रिया", "अनीता", "अमित", "सुनीता", "विकास", "पूजा", "संजय", "नेहा", "रवि",
							"कविता", "अर्जुन" },
					new String[] { "शर्मा", "वर्मा", "गुप्ता", "सिंह", "यादव", "पटेल", "मिश्रा", "जोशी", "कुमार",
							"चौहान", "तिवारी", "पांडे" },
					"शाखा", false, false),
			new Country("TH", "th", "Asia/Bangkok", new String[] { "มูลนิธิ", "สมาคม", "ศูนย์", "เครือข่าย" },
					new String[] { "พัฒนา", "เยาวชน", "การศึกษา", "สิ่งแวดล้อม", "สุขภาพ", "สตรี", "วัฒนธรรม", "สิทธิ",
							"สันติภาพ", "ชุมชน", "ความหวัง", "แรงงาน" },
					new String[] { "กรุงเทพมหานคร", "เชียงใหม่", "ขอนแก่น", "ภูเก็ต", "หาดใหญ่", "อุดรธานี",
							"นครราชสีมา", "พิษณุโลก" },
					new String[] { "สมชาย", "สุดา", "วิชัย", "มาลี", "ประเสริฐ", "อรุณี", "สมศักดิ์", "นภา", "ธนา",
							"กมล", "ปรีชา", "วันดี" },
					new String[] { "ศรีสุข", "วงศ์ใหญ่", "แสงทอง", "บุญมา", "สุขสวัสดิ์", "ทองดี", "ใจดี", "รักษ์ไทย",
							"มั่นคง", "พรหมมา", "ศักดิ์ดี", "อินทร์แก้ว" },
					"สาขา", false, false),
			new Country("KE", "en", "Africa/Nairobi",
					new String[] { "Foundation", "Association", "Trust", "Network", "Initiative" },
					new String[] { "Green", "Youth", "Women", "Education", "Health", "Justice", "Community", "Peace",
							"Land", "Water", "Hope", "Rights" },
					new String[] { "Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret", "Thika", "Garissa", "Malindi" },
					new String[] { "Wanjiku", "Otieno", "Achieng", "Kamau", "Njeri", "Kipchoge", "Akinyi", "Mwangi",
							"Chebet", "Odhiambo", "Wairimu", "Kiprono" },
					new String[] { "Mwangi", "Ochieng", "Kariuki", "Wambui", "Kiptoo", "Omondi", "Njoroge", "Mutua",
							"Atieno", "Kilonzo", "Cherono", "Maina" },
					"Chapter", false, false),
			new Country("US", "en", "America/Chicago",
					new String[] { "Foundation", "Alliance", "Coalition", "Institute", "Network" },
					new String[] { "Civic", "Youth", "Women's", "Education", "Health", "Justice", "Community", "Peace",
							"Climate", "Housing", "Labor", "Rights" },
					new String[] { "Chicago", "Detroit", "Albuquerque", "Atlanta", "Oakland", "Milwaukee", "Tucson",
							"Baltimore" },
					new String[] { "Mary", "James", "Chloé", "José", "Aaliyah", "Michael", "Renée", "Darnell", "Zoë",
							"Emily", "Andrés", "Sarah" },
					new String[] { "Smith", "Johnson", "García", "Williams", "Brown", "Nguyễn", "Jones", "Davis",
							"López", "O'Brien", "Washington", "Kim" },
					"Chapter", false, false));

	static final String[] TAGS = { "youth", "climate", "education", "health", "women", "migration", "labour", "housing",
			"digital", "culture", "peace", "human-rights" };

	static final String[] ROLES = { "Koordynator", "Coordinator", "Director", "Președinte", "Vorsitzende", "Trésorière",
			"Secretaria", "Volunteer", "Press officer", "Координатор" };

	private ScaleData() {
	}

	static Country country(long organization) {
		return COUNTRIES.get((int) (organization % COUNTRIES.size()));
	}

	static OrganizationType type(long organization) {
		OrganizationType[] types = OrganizationType.values();
		return types[(int) ((organization / COUNTRIES.size()) % types.length)];
	}

	/** The organization's name: unique within its country for every index. */
	static String organizationName(long organization) {
		Country c = country(organization);
		long k = organization / COUNTRIES.size();
		long base = c.baseNames();
		long branch = k / base;
		k %= base;
		String kind = c.kinds()[(int) (k % c.kinds().length)];
		k /= c.kinds().length;
		String first = c.words()[(int) (k % c.words().length)];
		k /= c.words().length;
		String second = c.words()[(int) (k % c.words().length)];
		k /= c.words().length;
		String city = c.cities()[(int) (k % c.cities().length)];
		String words = first.equals(second) ? first : first + " " + second;
		String name = c.suffixType() ? words + " " + city + " " + kind : kind + " " + words + " " + city;
		return branch == 0 ? name : name + " – " + c.branch() + " " + (branch + 1);
	}

	static String city(long organization) {
		Country c = country(organization);
		long k = organization / COUNTRIES.size() % c.baseNames();
		return c.cities()[(int) (k / c.kinds().length / c.words().length / c.words().length % c.cities().length)];
	}

	static String givenName(long contact, Country c) {
		return c.given()[(int) (mix(contact) % c.given().length)];
	}

	static String familyName(long contact, Country c) {
		return c.family()[(int) (mix(contact * 31 + 7) % c.family().length)];
	}

	static String displayName(long contact, Country c) {
		String given = givenName(contact, c);
		String family = familyName(contact, c);
		return c.familyFirst() ? family + given : given + " " + family;
	}

	static String email(long contact, Country c) {
		String local = TextFolding.key(givenName(contact, c)).replaceAll("[^a-z0-9]", "");
		return (local.isEmpty() ? "person" : local) + "." + contact + "@" + c.code().toLowerCase()
				+ ".bench.example.org";
	}

	static Set<String> tags(long organization) {
		return new java.util.TreeSet<>(List.of(TAGS[(int) (mix(organization) % TAGS.length)],
				TAGS[(int) (mix(organization + 3) % TAGS.length)]));
	}

	/**
	 * The organization alone (no person): what {@link #rows} gives an organization
	 * without people, and the first pass of the generator for every organization.
	 */
	static DirectoryRow organizationRow(long organization) {
		Country c = country(organization);
		String website = "https://org" + organization + "." + c.code().toLowerCase() + ".bench.example.org";
		return new DirectoryRow(organization, organizationName(organization), type(organization), c.code(),
				city(organization), website, null, null, null, null, null, null, null, null, null, null,
				tags(organization));
	}

	/** Rows of one organization: one per person (or one without a person). */
	static List<DirectoryRow> rows(long organization, long firstContact, long contacts) {
		Country c = country(organization);
		String name = organizationName(organization);
		String website = "https://org" + organization + "." + c.code().toLowerCase() + ".bench.example.org";
		List<DirectoryRow> rows = new ArrayList<>();
		if (contacts == 0) {
			rows.add(organizationRow(organization));
		}
		for (long p = firstContact; p < firstContact + contacts; p++) {
			rows.add(new DirectoryRow(p, name, type(organization), c.code(), city(organization), website, null, null,
					givenName(p, c), familyName(p, c), displayName(p, c), email(p, c), null,
					ROLES[(int) (mix(p) % ROLES.length)], c.language(), null,
					p == firstContact ? tags(organization) : Set.of()));
		}
		return rows;
	}

	/** A cheap deterministic scramble, so neighbouring indexes get unrelated names. */
	static long mix(long value) {
		long x = value * 0x9E3779B97F4A7C15L;
		x ^= (x >>> 29);
		return Math.floorMod(x, Long.MAX_VALUE);
	}

}
