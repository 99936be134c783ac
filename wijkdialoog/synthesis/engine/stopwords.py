"""Words that say nothing about a theme: Dutch and English function words, common verbs and
adverbs, and the few words every neighbourhood dialogue uses whatever the theme. Compared in
lower case, both as written and as lemma."""

_DUTCH = """
aan aldus al alle alleen allemaal als altijd ander andere anders auto's ben bent beter bij
binnen bijna daar daarna daarom dag dagen dan dat de deze die dik dit doe doen doet door dus
echt een eens eigen eigenlijk elk elke en er erg even ga gaan gaat gedaan gehad geen gekomen
gemaakt genoeg geweest gewoon gij graag haar had hadden heb hebben hebt heeft hele heel hem
hen het hier hij hoe hoeveel hun iemand iets ik in is ja je jij jou jouw juist jullie kan
keer komen komt kon konden krijg krijgen kun kunnen kunt laat laten later leuk liever maak
maakt maar maken me meer meest men met mij mijn minder misschien moest moesten moet moeten
mogelijk mogen na naar naast niet niets nieuw nieuwe nodig nog nooit nou nu of om omdat ook
op over paar per plaats precies reeds samen sinds soms staan staat steeds te tegen terwijl
toch toe toen tot tussen u uit uw vaak van veel verder vinden vind vindt voor vooral waar
waarom wanneer want waren was wat we weer weet weinig wel welk welke werd werden wie wij
wil willen word worden wordt zal ze zeer zeggen zegt zelf zich zie zien ziet zij zijn zit
zitten zo zoals zodat zonder zou zouden zullen beetje iedereen elkaar mensen manier ding
dingen goed groot grote kleine klein lang jaar jaren week tijd altijd ene ieder iedere
gaan geven geeft komen houden kijken lijkt staat zetten zet fijn mooi blij denk denken
ons onze mee waarbij waarin waardoor voordat nadat zodra tijdens weten wonen woon slecht
twee drie vier vijf zes zeven acht negen tien eerste tweede hoe zoveel zulke zulk
"""
_ENGLISH = """
a about all also an and any are as at be been but by can could do does for from get got had
has have he her here his how i if in into is it its just like make many me more most my no
not now of on one only or other our out people so some such than that the their them then
there these they this those to too up us very was way we were what when where which who will
with would you your
"""
# Every theme of a neighbourhood dialogue is about "the neighbourhood" and "residents".
_DIALOGUE = """
buurt wijk bewoner bewoners buurtbewoner buurtbewoners neighbourhood resident residents
"""

STOPWORDS = frozenset((_DUTCH + _ENGLISH + _DIALOGUE).split())
