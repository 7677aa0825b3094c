//! Realistic names, places and formats for the sample data, one table per locale.
//!
//! Names carry their diacritics (Zoé, Łukasz, Niccolò) so that sample data exercises
//! accent-insensitive search and sorting. Chinese names come with their pinyin, used for
//! email addresses and web domains, which are ASCII in practice.

/// Everything the generator needs to make people and companies of one country.
pub struct Locale {
    pub country: &'static str,
    /// Female first names, then male ones (`female_count` splits them).
    pub first_names: &'static [(&'static str, &'static str)],
    pub female_count: usize,
    pub last_names: &'static [(&'static str, &'static str)],
    /// City, postal-code prefix.
    pub cities: &'static [(&'static str, &'static str)],
    pub streets: &'static [&'static str],
    pub job_titles: &'static [&'static str],
    pub company_suffixes: &'static [&'static str],
    pub free_mail: &'static [&'static str],
    pub tld: &'static str,
    /// International dialling prefix and a mobile prefix.
    pub phone_prefix: &'static str,
    pub kind: LocaleKind,
}

/// How addresses and names are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LocaleKind {
    English,
    French,
    Italian,
    Polish,
    Chinese,
}

/// A name written the same in pinyin/ASCII as shown (Latin-script names are folded later).
macro_rules! same {
    ($($n:literal),* $(,)?) => { &[$(($n, "")),*] };
}

pub const ENGLISH: Locale = Locale {
    country: "United States",
    first_names: same!["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Susan", "Jessica", "Sarah", "Emily", "Olivia", "Ava", "Grace", "Ada", "Chloe",
        "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Charles", "Noah", "Liam", "Ethan", "Owen"],
    female_count: 14,
    last_names: same!["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Moore", "Jackson",
        "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "O'Brien", "O'Connor", "Mullins"],
    cities: &[("New York", "100"), ("Boston", "021"), ("Chicago", "606"), ("Seattle", "981"), ("Austin", "787"), ("Denver", "802"), ("San Francisco", "941")],
    streets: &["Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Park Road", "Washington Street", "Lake Shore Drive"],
    job_titles: &["Sales Manager", "Marketing Director", "Chief Financial Officer", "Software Engineer", "Head of Procurement", "Office Manager", "Account Executive"],
    company_suffixes: &["Inc.", "LLC", "Group", "Labs", "Systems", "& Sons", "Logistics"],
    free_mail: &["gmail.com", "outlook.com", "yahoo.com"],
    tld: "com",
    phone_prefix: "+1 415 555",
    kind: LocaleKind::English,
};

pub const FRENCH: Locale = Locale {
    country: "France",
    first_names: same!["Zoé", "Chloé", "Léa", "Manon", "Camille", "Inès", "Éloïse", "Hélène", "Françoise", "Cécile", "Gaëlle", "Noémie", "Thérèse", "Marie-Claire",
        "Jérôme", "François", "Hervé", "Étienne", "Benoît", "Joël", "Loïc", "Raphaël", "Gérard", "Mathéo", "Théo", "Hugo", "Louis", "Jean-Pierre"],
    female_count: 14,
    last_names: same!["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Mercier", "Boucher", "Chevalier", "Gauthier", "D'Almeida", "Lemaître", "Bénard", "Hébert"],
    cities: &[("Paris", "750"), ("Lyon", "690"), ("Marseille", "130"), ("Toulouse", "310"), ("Bordeaux", "330"), ("Lille", "590"), ("Nantes", "440")],
    streets: &["rue de la Paix", "rue Victor Hugo", "avenue Jean Jaurès", "boulevard Saint-Michel", "rue des Écoles", "place de l'Église", "rue Émile Zola"],
    job_titles: &["Directeur commercial", "Responsable marketing", "Cheffe de projet", "Ingénieure logiciel", "Acheteur", "Directrice financière", "Chargé d'affaires"],
    company_suffixes: &["SA", "SARL", "& Fils", "Conseil", "Industries", "Frères"],
    free_mail: &["orange.fr", "free.fr", "laposte.net"],
    tld: "fr",
    phone_prefix: "+33 6",
    kind: LocaleKind::French,
};

pub const ITALIAN: Locale = Locale {
    country: "Italy",
    first_names: same!["Giulia", "Chiara", "Francesca", "Sara", "Martina", "Alessia", "Federica", "Elisa", "Beatrice", "Aurora", "Noemi", "Ilaria", "Lucrezia",
        "Marco", "Alessandro", "Luca", "Matteo", "Lorenzo", "Andrea", "Giuseppe", "Niccolò", "Gabriele", "Mattia", "Tommaso", "Riccardo", "Davide", "Nicolò"],
    female_count: 13,
    last_names: same!["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo",
        "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "D'Angelo", "Fabbri", "Caruso", "Sanna", "Galli"],
    cities: &[("Milano", "201"), ("Roma", "001"), ("Torino", "101"), ("Napoli", "801"), ("Bologna", "401"), ("Firenze", "501"), ("Genova", "161")],
    streets: &["Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele", "Via Dante", "Piazza del Popolo", "Via Mazzini", "Via Cavour"],
    job_titles: &["Direttore vendite", "Responsabile acquisti", "Project manager", "Ingegnere software", "Direttrice marketing", "Contabile", "Consulente"],
    company_suffixes: &["S.p.A.", "S.r.l.", "& Figli", "Group", "Industrie"],
    free_mail: &["libero.it", "virgilio.it", "tiscali.it"],
    tld: "it",
    phone_prefix: "+39 3",
    kind: LocaleKind::Italian,
};

pub const POLISH: Locale = Locale {
    country: "Poland",
    first_names: same!["Zofia", "Zuzanna", "Julia", "Łucja", "Małgorzata", "Agnieszka", "Katarzyna", "Józefa", "Wiktoria", "Aleksandra", "Magdalena", "Jadwiga", "Bożena",
        "Łukasz", "Paweł", "Michał", "Wojciech", "Kacper", "Jakub", "Mikołaj", "Krzysztof", "Tomasz", "Piotr", "Grzegorz", "Bartłomiej", "Stanisław", "Jerzy"],
    female_count: 13,
    last_names: same!["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak",
        "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Pawłowski", "Michalski", "Król",
        "Wieczorek", "Jabłoński", "Wróbel", "Sołtys"],
    cities: &[("Warszawa", "00"), ("Kraków", "30"), ("Łódź", "90"), ("Wrocław", "50"), ("Poznań", "60"), ("Gdańsk", "80"), ("Szczecin", "70")],
    streets: &["ul. Piotrkowska", "ul. Długa", "ul. Marszałkowska", "ul. Świętokrzyska", "al. Jerozolimskie", "ul. Floriańska", "ul. Żeromskiego"],
    job_titles: &["Kierownik sprzedaży", "Specjalistka ds. marketingu", "Dyrektor finansowy", "Inżynier oprogramowania", "Księgowa", "Kierownik projektu"],
    company_suffixes: &["Sp. z o.o.", "S.A.", "i Synowie", "Spółka Jawna"],
    free_mail: &["wp.pl", "onet.pl", "interia.pl"],
    tld: "pl",
    phone_prefix: "+48 5",
    kind: LocaleKind::Polish,
};

pub const CHINESE: Locale = Locale {
    country: "China",
    first_names: &[("芳", "fang"), ("娜", "na"), ("秀英", "xiuying"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("艳", "yan"), ("娟", "juan"), ("秀兰", "xiulan"),
        ("霞", "xia"), ("子涵", "zihan"), ("雨桐", "yutong"), ("伟", "wei"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"),
        ("杰", "jie"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("小明", "xiaoming"), ("晓东", "xiaodong"), ("浩然", "haoran"), ("宇轩", "yuxuan")],
    female_count: 12,
    last_names: &[("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"),
        ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"), ("林", "lin"), ("罗", "luo")],
    cities: &[("北京", "100"), ("上海", "200"), ("广州", "510"), ("深圳", "518"), ("杭州", "310"), ("成都", "610"), ("南京", "210")],
    streets: &["中山路", "人民路", "解放路", "建国路", "南京路", "长安街", "和平路"],
    job_titles: &["销售经理", "市场总监", "采购经理", "软件工程师", "财务总监", "项目经理", "客户经理"],
    company_suffixes: &["科技有限公司", "贸易有限公司", "实业有限公司", "咖啡有限公司"],
    free_mail: &["qq.com", "163.com", "126.com"],
    tld: "cn",
    phone_prefix: "+86 13",
    kind: LocaleKind::Chinese,
};

/// Locales in the proportions the sample uses.
pub const ALL: [&Locale; 5] = [&ENGLISH, &FRENCH, &ITALIAN, &POLISH, &CHINESE];

/// Brand words of Chinese company names, with pinyin for their domains.
pub const CHINESE_BRANDS: &[(&str, &str)] = &[
    ("华信", "huaxin"), ("东方", "dongfang"), ("长城", "changcheng"), ("天成", "tiancheng"), ("金桥", "jinqiao"),
    ("新兴", "xinxing"), ("宏达", "hongda"), ("博远", "boyuan"), ("恒通", "hengtong"), ("瑞丰", "ruifeng"),
];

pub const INDUSTRIES: &[&str] =
    &["Software", "Manufacturing", "Retail", "Food & Beverages", "Logistics", "Financial Services", "Healthcare", "Education", "Textiles", "Coffee"];

pub const DEAL_PRODUCTS: &[&str] =
    &["Annual licence", "Onboarding", "Expansion", "Renewal", "Pilot", "Support plan", "Training", "Hardware refresh", "Consulting"];

/// Words for activity texts.
pub const ACTIVITY_PHRASES: &[&str] = &[
    "Intro call about the renewal",
    "Sent the updated quote",
    "Follow up on the pilot results",
    "Discussed pricing with procurement",
    "Demo of the new reporting module",
    "Asked for references from similar customers",
    "Contract review with legal",
    "Kick-off meeting planned",
];
