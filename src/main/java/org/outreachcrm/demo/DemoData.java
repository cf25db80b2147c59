package org.outreachcrm.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.ContactRequest;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Seeds partner organizations on every continent, their people (names with diacritics and
 * in non-Latin scripts) and three staff users, once, into an empty directory.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** Password of the demo staff users (demo profile only; never used in production). */
	static final String DEMO_PASSWORD = "Demo-Passw0rd-2026";

	private final Organizations organizations;

	private final Contacts contacts;

	private final UserAccounts users;

	private final CurrentScope scope;

	DemoData(Organizations organizations, Contacts contacts, UserAccounts users, CurrentScope scope) {
		this.scope = scope;
		this.organizations = organizations;
		this.contacts = contacts;
		this.users = users;
	}

	@Override
	public void run(@Nullable ApplicationArguments args) {
		if (this.organizations.search(DirectoryQuery.all(), PageRequest.of(0, 1)).getTotalElements() > 0) {
			log.info("Demo data: the directory is not empty, nothing seeded");
			return;
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo", null,
					AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		try {
			// "demo" has no account of its own: seeding is system work over every country
			this.scope.runAs(CountryScope.everything(), this::seed);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void seed() {
		seedUsers();
		for (Partner partner : PARTNERS) {
			OrganizationDetails org = this.organizations.create(partner.request());
			for (Person person : partner.people()) {
				long contactId = this.contacts.create(person.request(partner.country())).id();
				this.contacts.affiliate(contactId, new AffiliationRequest(org.id(), person.role(), true,
						LocalDate.of(2024, 1 + (int) (contactId % 12), 1), null, null));
			}
		}
		log.info("Demo data: seeded {} organizations; staff users olga, kwame, mihai (password {})", PARTNERS.size(),
				DEMO_PASSWORD);
	}

	private void seedUsers() {
		create("olga", "Olga Wiśniewska", Role.STAFF, Set.of("PL", "UA", "LT"));
		create("kwame", "Kwame Mensah", Role.STAFF, Set.of());
		create("mihai", "Mihai Ionescu", Role.MANAGER, Set.of());
	}

	private void create(String username, String name, Role role, Set<String> countries) {
		if (this.users.findByUsername(username).isEmpty()) {
			this.users.create(new NewUser(username, DEMO_PASSWORD, name, username + "@outreach.example", Set.of(role),
					countries));
		}
	}

	record Person(@Nullable String given, @Nullable String family, @Nullable String display, String email, String phone,
			String language, String role) {

		ContactRequest request(String country) {
			return new ContactRequest(this.given, this.family, this.display, List.of(this.email), List.of(this.phone),
					this.language, country, null, Set.of(), null);
		}

	}

	record Partner(String name, OrganizationType type, String country, String city, PartnershipStage stage,
			String website, Set<String> tags, List<Person> people) {

		OrganizationRequest request() {
			return new OrganizationRequest(this.name, this.type, this.country, this.city, this.website, null, null,
					List.of(), "Demo partner in " + this.city + ".", this.stage, null, this.tags, null);
		}

	}

	private static Person p(String given, String family, String email, String phone, String language, String role) {
		return new Person(given, family, null, email, phone, language, role);
	}

	private static Person d(String display, String email, String phone, String language, String role) {
		return new Person(null, null, display, email, phone, language, role);
	}

	static final List<Partner> PARTNERS = List.of(
			new Partner("Fundacja Klimatyczna „Zielona Łódź”", OrganizationType.FOUNDATION, "PL", "Łódź",
					PartnershipStage.PARTNER, "https://zielona-lodz.example.pl", Set.of("climate", "youth"),
					List.of(p("Małgorzata", "Wójcik", "m.wojcik@zielona-lodz.example.pl", "601 234 567", "pl",
							"Prezeska zarządu"),
							p("Grzegorz", "Świątek", "g.swiatek@zielona-lodz.example.pl", "602 345 678", "pl",
									"Koordynator projektów"))),
			new Partner("Ogólnopolski Związek Zawodowy Pracowników Socjalnych", OrganizationType.TRADE_UNION, "PL",
					"Kraków", PartnershipStage.ENGAGED, "https://ozzps.example.pl", Set.of("labour"),
					List.of(p("Zbigniew", "Łęcki", "z.lecki@ozzps.example.pl", "12 345 67 89", "pl",
							"Przewodniczący"))),
			new Partner("Asociația Științifică pentru Clima Carpaților", OrganizationType.ACADEMIA, "RO", "Cluj-Napoca",
					PartnershipStage.CONTACTED, "https://clima-carpati.example.ro", Set.of("climate", "research"),
					List.of(p("Ioana", "Țăranu", "ioana.taranu@clima-carpati.example.ro", "0721 123 456", "ro",
							"Cercetătoare principală"),
							p("Ștefan", "Mureșan", "stefan.muresan@clima-carpati.example.ro", "0744 987 654", "ro",
									"Director"))),
			new Partner("Sindicatul Național al Profesorilor din România", OrganizationType.TRADE_UNION, "RO",
					"București", PartnershipStage.PROSPECT, "https://snpr.example.ro", Set.of("education", "labour"),
					List.of(p("Ana-Maria", "Popescu", "ana.popescu@snpr.example.ro", "0723 456 789", "ro",
							"Secretar general"))),
			new Partner("Asociația Tinerilor din Chișinău", OrganizationType.COMMUNITY_GROUP, "MD", "Chișinău",
					PartnershipStage.ENGAGED, "https://tineri-chisinau.example.md", Set.of("youth"),
					List.of(p("Dumitru", "Căpățînă", "d.capatina@tineri-chisinau.example.md", "+373 69 123 456", "ro",
							"Președinte"))),
			new Partner("Громадська організація «Зелена Україна»", OrganizationType.NGO, "UA", "Київ",
					PartnershipStage.CONTACTED, "https://green-ukraine.example.ua", Set.of("climate"),
					List.of(p("Оксана", "Шевченко", "o.shevchenko@green-ukraine.example.ua", "+380 44 123 4567", "uk",
							"Координаторка"))),
			new Partner("Deutscher Gewerkschaftsbund – Klimagruppe", OrganizationType.TRADE_UNION, "DE", "Köln",
					PartnershipStage.PARTNER, "https://dgb-klima.example.de", Set.of("labour", "climate"),
					List.of(p("Jürgen", "Weiß", "j.weiss@dgb-klima.example.de", "0221 1234567", "de", "Referent"))),
			new Partner("Réseau Action Climat – Île-de-France", OrganizationType.SOCIAL_MOVEMENT, "FR", "Paris",
					PartnershipStage.ENGAGED, "https://rac-idf.example.fr", Set.of("climate"),
					List.of(p("Hélène", "Lefèvre", "h.lefevre@rac-idf.example.fr", "01 23 45 67 89", "fr",
							"Chargée de plaidoyer"))),
			new Partner("Fundación Ciudadana por el Agua", OrganizationType.FOUNDATION, "ES", "Sevilla",
					PartnershipStage.PROSPECT, "https://agua-ciudadana.example.es", Set.of("water"),
					List.of(p("José", "Núñez", "j.nunez@agua-ciudadana.example.es", "954 123 456", "es",
							"Director ejecutivo"))),
			new Partner("Ελληνικό Δίκτυο για το Κλίμα", OrganizationType.NGO, "GR", "Αθήνα", PartnershipStage.CONTACTED,
					"https://klima.example.gr", Set.of("climate"),
					List.of(p("Ελένη", "Παπαδοπούλου", "e.papadopoulou@klima.example.gr", "210 123 4567", "el",
							"Συντονίστρια"))),
			new Partner("Kenya Community Climate Network", OrganizationType.COMMUNITY_GROUP, "KE", "Nairobi",
					PartnershipStage.PARTNER, "https://kccn.example.ke", Set.of("climate", "water"),
					List.of(p("Wanjiku", "Kamau", "w.kamau@kccn.example.ke", "0712 345678", "sw", "Programme lead"))),
			new Partner("Nigeria Labour Congress – Youth Wing", OrganizationType.TRADE_UNION, "NG", "Abuja",
					PartnershipStage.ENGAGED, "https://nlc-youth.example.ng", Set.of("labour", "youth"),
					List.of(p("Chinwe", "Okafor", "c.okafor@nlc-youth.example.ng", "0803 123 4567", "en",
							"Youth coordinator"))),
			new Partner("Association Sénégalaise pour l’Éducation Populaire", OrganizationType.NGO, "SN", "Dakar",
					PartnershipStage.PROSPECT, "https://asep.example.sn", Set.of("education"),
					List.of(p("Aïssatou", "Diop", "a.diop@asep.example.sn", "77 123 45 67", "fr", "Présidente"))),
			new Partner("مؤسسة المناخ العربي", OrganizationType.FOUNDATION, "EG", "القاهرة", PartnershipStage.CONTACTED,
					"https://arab-climate.example.eg", Set.of("climate"),
					List.of(p("ليلى", "حسن", "l.hassan@arab-climate.example.eg", "02 2345 6789", "ar",
							"مديرة البرامج"))),
			new Partner("北京大学 环境与气候研究中心", OrganizationType.ACADEMIA, "CN", "北京", PartnershipStage.PROSPECT,
					"https://climate.pku.example.cn", Set.of("research", "climate"),
					List.of(d("王小明", "wang.xiaoming@pku.example.cn", "010 6275 1234", "zh", "研究员"))),
			new Partner("日本気候ネットワーク", OrganizationType.NGO, "JP", "京都", PartnershipStage.ENGAGED,
					"https://kikonet.example.jp", Set.of("climate"),
					List.of(d("佐藤 花子", "h.sato@kikonet.example.jp", "075 123 4567", "ja", "事務局長"))),
			new Partner("भारतीय जलवायु मंच", OrganizationType.SOCIAL_MOVEMENT, "IN", "नई दिल्ली",
					PartnershipStage.CONTACTED, "https://climate-forum.example.in", Set.of("climate", "youth"),
					List.of(p("Priya", "Sharma", "p.sharma@climate-forum.example.in", "098765 43210", "hi",
							"National convenor"))),
			new Partner("Korean Federation for Environmental Movements", OrganizationType.SOCIAL_MOVEMENT, "KR",
					"Seoul", PartnershipStage.PARTNER, "https://kfem.example.kr", Set.of("climate"),
					List.of(d("김민준", "minjun.kim@kfem.example.kr", "02 1234 5678", "ko", "국제협력 담당"))),
			new Partner("Red de Sindicatos por la Justicia Climática", OrganizationType.TRADE_UNION, "AR",
					"Buenos Aires", PartnershipStage.ENGAGED, "https://sindicatos-clima.example.ar",
					Set.of("labour", "climate"),
					List.of(p("Martín", "Gómez", "m.gomez@sindicatos-clima.example.ar", "011 4123 4567", "es",
							"Secretario de relaciones internacionales"))),
			new Partner("Instituto Socioambiental da Amazônia", OrganizationType.NGO, "BR", "Manaus",
					PartnershipStage.PARTNER, "https://isa-amazonia.example.br", Set.of("forests", "climate"),
					List.of(p("João", "Conceição", "joao.conceicao@isa-amazonia.example.br", "(92) 3234-5678", "pt",
							"Coordenador"))),
			new Partner("Red Mexicana de Medios Comunitarios", OrganizationType.MEDIA, "MX", "Oaxaca",
					PartnershipStage.CONTACTED, "https://medios-comunitarios.example.mx", Set.of("media"),
					List.of(p("Guadalupe", "Hernández", "g.hernandez@medios.example.mx", "951 123 4567", "es",
							"Editora"))),
			new Partner("Climate Action Network Canada", OrganizationType.NGO, "CA", "Montréal",
					PartnershipStage.PARTNER, "https://can-canada.example.ca", Set.of("climate"),
					List.of(p("Geneviève", "Tremblay", "g.tremblay@can-canada.example.ca", "(514) 555-0123", "fr",
							"Policy director"))),
			new Partner("United Neighborhoods Coalition", OrganizationType.COMMUNITY_GROUP, "US", "Chicago",
					PartnershipStage.ENGAGED, "https://unc.example.org", Set.of("youth", "housing"),
					List.of(p("Marcus", "Johnson", "m.johnson@unc.example.org", "(312) 555-0147", "en",
							"Executive director"))),
			new Partner("Public Media Alliance for Climate Reporting", OrganizationType.MEDIA, "US", "New York",
					PartnershipStage.PROSPECT, "https://pmacr.example.org", Set.of("media", "climate"),
					List.of(p("Sarah", "O’Connor", "s.oconnor@pmacr.example.org", "(212) 555-0199", "en",
							"Editor-in-chief"))),
			new Partner("Australian Council of Social Service", OrganizationType.PROFESSIONAL_ASSOCIATION, "AU",
					"Sydney", PartnershipStage.ENGAGED, "https://acoss.example.au", Set.of("social policy"),
					List.of(p("Liam", "Nguyen", "l.nguyen@acoss.example.au", "02 9123 4567", "en", "Senior adviser"))),
			new Partner("Aotearoa Climate Justice Collective", OrganizationType.SOCIAL_MOVEMENT, "NZ", "Wellington",
					PartnershipStage.CONTACTED, "https://acjc.example.nz", Set.of("climate", "youth"),
					List.of(p("Aroha", "Ngata", "a.ngata@acjc.example.nz", "04 123 4567", "mi", "Kaiwhakahaere"))),
			new Partner("UN Environment Programme – Regional Office for Europe", OrganizationType.INTERGOVERNMENTAL,
					"CH", "Genève", PartnershipStage.CONTACTED, "https://unep-europe.example.int",
					Set.of("climate", "policy"),
					List.of(p("Björn", "Åkesson", "b.akesson@unep-europe.example.int", "022 917 1234", "sv",
							"Programme officer"))),
			new Partner("Ministerul Mediului, Apelor și Pădurilor", OrganizationType.GOVERNMENT, "RO", "București",
					PartnershipStage.PROSPECT, "https://mmediu.example.ro", Set.of("policy"),
					List.of(p("Cristina", "Dumitrescu", "cristina.dumitrescu@mmediu.example.ro", "021 408 9500", "ro",
							"Consilier"))));

}
