"""Wrong decoding paths and hand-written sentences for the mojibake tests.

Every broken input in the tests is made here by sending correct text through
the path a real scraper takes: encode with the right codec, decode with the
wrong one.  The sentences are our own.
"""

from __future__ import annotations

from collections.abc import Callable

_UNDEFINED_1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def _sloppy_1252(data: bytes) -> str:
    """windows-1252 as browsers decode it: undefined bytes become C1 controls."""
    return "".join(chr(b) if b in _UNDEFINED_1252 else bytes([b]).decode("cp1252") for b in data)


def utf8_as_cp1252(s: str) -> str:
    return _sloppy_1252(s.encode("utf-8"))


def utf8_as_latin1(s: str) -> str:
    return s.encode("utf-8").decode("latin-1")


def utf8_as_cp1252_replace(s: str) -> str:
    """Python's strict windows-1252 with errors="replace": lost bytes become U+FFFD."""
    return s.encode("utf-8").decode("cp1252", "replace")


def utf8_as_cp1256(s: str) -> str:
    return s.encode("utf-8").decode("cp1256")


def cp1256_as_latin1(s: str) -> str:
    return s.encode("cp1256").decode("latin-1")


def cp1256_as_cp1252(s: str) -> str:
    return _sloppy_1252(s.encode("cp1256"))


def double_utf8_as_cp1252(s: str) -> str:
    return utf8_as_cp1252(utf8_as_cp1252(s))


def utf8_as_cp1256_then_cp1252(s: str) -> str:
    return utf8_as_cp1252(utf8_as_cp1256(s))


def utf8_as_cp1252_then_cp1256(s: str) -> str:
    return utf8_as_cp1256(utf8_as_cp1252(s))


def cp1256_as_latin1_then_utf8_as_cp1252(s: str) -> str:
    return utf8_as_cp1252(cp1256_as_latin1(s))


#: path name -> function; the rule the repair reports for it
PATHS: dict[str, Callable[[str], str]] = {
    "utf8-as-cp1252": utf8_as_cp1252,
    "utf8-as-latin1": utf8_as_latin1,
    "utf8-as-cp1256": utf8_as_cp1256,
    "cp1256-as-latin1": cp1256_as_latin1,
    "cp1256-as-cp1252": cp1256_as_cp1252,
    "double-utf8-as-cp1252": double_utf8_as_cp1252,
    "utf8-as-cp1256-then-cp1252": utf8_as_cp1256_then_cp1252,
    "utf8-as-cp1252-then-cp1256": utf8_as_cp1252_then_cp1256,
    "cp1256-then-utf8-as-cp1252": cp1256_as_latin1_then_utf8_as_cp1252,
}
RULES = {
    "utf8-as-cp1252": "utf8-as-cp1252",
    "utf8-as-latin1": "utf8-as-cp1252",
    "utf8-as-cp1256": "utf8-as-cp1256",
    "cp1256-as-latin1": "cp1256-as-latin1",
    "cp1256-as-cp1252": "cp1256-as-latin1",
    "double-utf8-as-cp1252": "double-utf8-as-cp1252",
    "utf8-as-cp1256-then-cp1252": "utf8-as-cp1252+utf8-as-cp1256",
    "utf8-as-cp1252-then-cp1256": "utf8-as-cp1256+utf8-as-cp1252",
    "cp1256-then-utf8-as-cp1252": "utf8-as-cp1252+cp1256-as-latin1",
}
#: paths that only exist for text windows-1256 can encode
CP1256_PATHS = {"cp1256-as-latin1", "cp1256-as-cp1252", "cp1256-then-utf8-as-cp1252"}

ARABIC_SENTENCES = [
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة.",
    "قال المتحدث باسم الحكومة إن المفاوضات ستستمر حتى نهاية الأسبوع المقبل.",
    "ارتفعت أسعار النفط، وتراجعت أسواق الأسهم في الخليج؛ فهل تستمر الأزمة؟",
    "وصل الوفد إلى «القاهرة» مساء الخميس للمشاركة في المؤتمر الاقتصادي.",
    "تضغط الشركات على البنك المركزي لخفض الفائدة، بحسب مصادر مطلعة.",
    "حافظ المنتخب على صدارة المجموعة بعد فوزه بثلاثة أهداف مقابل هدف.",
    "يُعدّ الخطّ العربيّ من أجمل الفنون، وقد ازدهر في عصور مختلفة.",
    "نظّم الطلاب معرضًا للكتاب في ساحة الجامعة ضمن فعاليات الأسبوع الثقافي.",
]
ENGLISH_SENTENCES = [
    "The minister said: “We will not give up” – and left the room…",
    "It’s the team’s third win — a record, according to the club’s coach.",
    "Prices rose by 5% to £3.5bn in São Paulo, Zürich and Málaga.",
    "The café’s owner, José Muñoz, described the naïve plan as “doomed”.",
    "Ørsted’s shares fell after the Ærø wind farm was delayed.",
]
MIXED_LINES = [
    "Ahmed said “مرحبا بكم” to the visitors — then left.",
    "BBC عربي: الرئيس يلتقي وزير الخارجية البريطاني",
]

#: correct text that must come back unchanged, byte for byte
NEGATIVES = [
    # Arabic with ط and ظ before punctuation (the windows-1256 lookalikes)
    "ارتفع سعر النفط، وانخفض الضغط؛ ما الخط؟",
    "«الضغط» و«الحفاظ» و«النفط» كلمات تنتهي بالطاء والظاء.",
    "قسّم الدرس إلى أ، ب، ج، د، ط، ظ، ع، غ.",
    "حظ سعيد ـ قال ذلك بلطف ـ ثم خطط للرحلة.",
    "ظلّ الطقس معتدلًا… لكنّ الحظّ — كما يُقال — لم يحالفهم.",
    "النقطة ١٢٫٥ في المنتصف، والخطأ، والمبدأ، والملجأ.",
    "خطأ، مبدأ، ملجأ؛ آ، إ، أ» كلها صحيحة",
    # Persian and Urdu (ک گ پ چ are windows-1256 continuation images)
    "این کتاب بزرگ را پدرم به من داد و گفت که بخوانم.",
    "وہ بھی کہتا تھا کہ پاکستان بہت خوبصورت ہے۔",
    # European languages in latin-1
    "Le café de la gare est fermé à cause de la grève, dit-il à l’hôtel.",
    "Ça va? Oui, ça va très bien, merci — et vous? «Très bien»",
    "Der Fußgänger überquerte die Straße „schnell“ und ging weiter.",
    "Ørsted og Ærø: København har fået en ny vindmøllepark i år.",
    "Åsa och Örjan åkte till Göteborg; ÅÄÖ och åäö är svenska bokstäver.",
    "ÆØÅ æøå — det danske alfabet slutter med disse tre bogstaver.",
    "Ñandú, año, señor, mañana: el niño pidió ¿por qué? y ¡olé!",
    "NÃO, IRMÃ, AMANHÃ… A MAÇÃ É DA CIDADÃ» disse ele.",
    "Þú ert á Íslandi; það er kalt í dag og sólin skín ekki.",
    "Naïve Zoë met Chloé in Málaga; the crêpe was très bon.",
    "KHÔNG CÓ XÃ NÀO Ở ĐÂY, ông nói.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy — nesnáší to.",
    # symbols, math, code, paths, emoji
    "x² ± y³ ≈ ½·π; 30°C × 2 ÷ 4 ≥ 10 µm; © ® ™ § ¶",
    "Ø 10 mm ±0.1, Ø±0.05 and ×2",
    "C:\\Users\\Jürgen\\Documents\\café.txt and /home/ørsted/data",
    'if (a < b && c > d) { printf("%d\\n", x); } // ÿ',
    "Great job 😀👍🏽 see you 👨\u200d👩\u200d👧 🇸🇦 ❤\ufe0f",
    "£5, €10, ¥300, ¢25 and ¤",
    "«Guillemets» et ‹chevrons›, „Anführungszeichen“ und ‚einfache‘",
    "\u00c3 alone, \u00c2 alone, but É¡ and ß“ and Ø°",
    "",
    "\ud800 lone surrogate \udfff",
]
