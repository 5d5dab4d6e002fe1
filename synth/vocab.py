"""Word lists the generator draws from: names, outlets, verbs and the words of made-up prose."""

from __future__ import annotations


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES: tuple[str, ...] = _split(
    """
    Veronica Paulo Brandy Laura Sophie Mike Ana Marija Sarah John Mary Patricia Linda
    Barbara Elizabeth Jennifer Maria Susan Margaret Dorothy Lisa Nancy Karen Betty Helen
    Sandra Donna Carol Ruth Sharon Michelle Sara Kimberly Deborah Jessica Shirley Cynthia
    Angela Melissa Brenda Amy Anna Rebecca Virginia Kathleen Pamela Martha Debra Amanda
    Stephanie Carolyn Christine Marie Janet Catherine Frances Ann Joyce Diane Alice Julie
    Heather Teresa Doris Gloria Evelyn Jean Cheryl Mildred Katherine Joan Ashley Judith Rose
    Janice Kelly Nicole Judy Christina Kathy Theresa Beverly Denise Tammy Irene Jane Lori
    Rachel Marilyn Andrea Kathryn Louise James Robert Michael William David Richard Joseph
    Thomas Charles Christopher Daniel Matthew Anthony Donald Mark Paul Steven Andrew Kenneth
    Joshua Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas
    Eric Stephen Jonathan Larry Justin Scott Brandon Frank Benjamin Gregory Samuel Raymond
    Patrick Alexander Jack Dennis Jerry Tyler Aaron Jose Henry Adam Douglas Nathan Peter
    Zachary Kyle Walter Harold Jeremy Ethan Carl Keith Roger Gerald Christian Terry Sean
    Arthur Austin Noah Lawrence Jesse Joe Bryan Billy Jordan Albert Dylan Bruce Willie
    Gabriel Alan Juan Logan Wayne Ralph Roy Eugene Randy Vincent Russell Louis Philip Bobby
    Johnny Bradley Dagmar Ingrid Siegrid Jolanta Agnieszka Renata Monique Chantal Giulia
    Francesca Lucia Carmen Pilar Esther
    """
)
LAST_NAMES: tuple[str, ...] = _split(
    """
    Daniels Rodrigues Stevens Richardson Martin Roberts Ramirez Smith Johnson Williams Brown
    Jones Garcia Miller Davis Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas
    Taylor Moore Jackson Lee Perez Thompson White Harris Sanchez Clark Lewis Robinson Walker
    Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall
    Rivera Campbell Mitchell Carter Phillips Evans Turner Parker Collins Edwards Stewart
    Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Gomez Kelly Howard
    Ward Cox Diaz Wood Watson Brooks Bennett Gray James Reyes Cruz Hughes Price Myers Long
    Foster Sanders Ross Morales Powell Sullivan Russell Ortiz Jenkins Gutierrez Perry Butler
    Barnes Fisher Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Kim
    Gonzales Alexander Ramos Wallace Griffin West Cole Hayes Chavez Gibson Bryant Ellis
    Stevenson Kowalski Nowak Lindqvist Johansson Rossi Bianchi Dubois Lefevre Muller Schmidt
    Schneider Fischer Weber Novak Horvat Oliveira Santos Pereira
    """
)
WORDS: tuple[str, ...] = _split(
    """
    the of and to in a is that for it as was with be by on not he this are or his from at
    which but have an they you were her she there been one all we their has would when if so
    no what up out who them some could him into its then two more these want way look first
    also new because day use man find here thing give many well only those tell very even
    back any good woman through life child work down may after should call world over school
    still try last ask need too feel three state never become between high really something
    another family own leave put old while mean keep student why let great same big group
    begin seem country help talk where turn problem every start hand might show part against
    place such again few case week company system each right program hear question during
    play government run small number off always move night live point believe hold today
    bring happen next without before large million must home under water room write mother
    area national money story young fact month different lot study book eye job word though
    business issue side kind four head far black long both little house yes since provide
    service around friend important father sit away until power hour game often yet line
    political end among ever stand bad lose however member pay law meet car city almost
    include continue set later community much name five once white least president learn
    real change team minute best several idea kid body information nothing ago lead social
    understand whether watch together follow parent stop face anything create public already
    speak others read level allow add office spend door health person art sure war history
    party within grow result open morning walk reason low win research girl guy early food
    moment himself air teacher force offer enough education across although remember foot
    second boy maybe toward able age policy everything love process music including consider
    appear actually buy probably human wait serve market die send expect sense build stay
    fall oh nation plan cut college interest death course someone experience behind reach
    local kill remain effect suggest class control raise care perhaps late hard field else
    pass former sell major sometimes require along development themselves report role better
    economic effort decide rate strong possible heart drug leader light voice wife whole
    police mind finally pull return free military price less according decision explain son
    hope develop view relationship carry town road drive arm true federal break difference
    thank receive value international building action full model join season society tax
    director position player agree especially record pick wear paper special space ground
    form support event official whose matter everyone center couple site project hit base
    activity star table need court produce eat american oil half situation easy cost
    industry figure street image itself phone either data cover quite picture clear practice
    piece land recent describe product doctor wall patient worker news test movie certain
    north personal simply third technology catch step baby computer type attention draw film
    tree source red nearly organization choose cause hair century evidence window difficult
    listen soon culture billion chance brother energy period summer realize hundred
    available plant likely opportunity term short letter condition choice single rule
    daughter administration south husband floor campaign material population economy medical
    hospital church close thousand risk current fire future wrong involve defense anyone
    increase security bank myself certainly west sport board seek per subject officer
    private rest behavior deal performance fight throw top quickly past goal bed order
    author fill represent focus foreign drop blood upon agency push nature color recently
    store reduce sound note fine near movement page enter share animals wildlife forest
    ocean climate rights protect petition justice cruelty habitat species
    """
)
SHORT_COMMENTS: tuple[str, ...] = (
    "ty",
    "Thank you for sharing.",
    "Thank you so very much.",
    "Signed and shared.",
    "Petition signed.",
    "Very brave, previously signed.",
    "Thanks for posting.",
    "So sad.",
    "Noted.",
    "Disgusting!",
    "Thank you for this.",
    "Already signed.",
    "Heartbreaking.",
    "Ignorance and intolerance, what a great combo.",
)
OUTLETS: tuple[str, ...] = (
    "The BBC",
    "The Guardian",
    "The Independent",
    "The New York Times",
    "Reuters",
    "The Washington Post",
    "NPR",
    "Al Jazeera",
    "The Telegraph",
    "Novaya Gazeta",
)
SPEECH_VERBS: tuple[str, ...] = (
    "said",
    "recalled",
    "explained",
    "told reporters",
    "added",
    "warned",
)
PEOPLE: tuple[str, ...] = (
    "Maxim Lapunov",
    "Igor Kalyapin",
    "Jane Goodall",
    "Dr. Maria Alvarez",
    "Senator Tom Hardy",
    "Mayor Lisa Chen",
    "Professor Alan Brooks",
    "Chief Ranger Samuel Otieno",
)
TARGETS: tuple[str, ...] = (
    "the UN",
    "Congress",
    "the European Commission",
    "the Governor",
    "the Ministry of Environment",
    "the city council",
)
TITLE_SUBJECTS: tuple[str, ...] = (
    "Brave Victim Speaks Out",
    "Rescued Elephants Find a New Home",
    "Lawmakers Move to Ban Puppy Mills",
    "Activists Win Fight Over Ancient Forest",
    "Ocean Plastic Reaches Record Levels",
    "Wolves Return After a Century",
    "Factory Farm Expansion Halted",
    "Teachers Rally for Climate Education",
    "Bee Deaths Linked to Pesticide",
    "Refugees Describe Long Journey",
    "City Bans Wild Animal Circuses",
    "Orca Calves Spotted Again",
)
TITLE_PREDICATES: tuple[str, ...] = (
    "as Pressure Mounts",
    "After Years of Campaigning",
    "Despite Official Denials",
    "Thanks to Readers",
    "While Officials Stay Silent",
    "and Supporters Celebrate",
)
PLACES: tuple[str, ...] = (
    "Chechnya",
    "Kenya",
    "Brazil",
    "Ohio",
    "Scotland",
    "Borneo",
    "Alaska",
    "Poland",
    "India",
    "Queensland",
    "Ontario",
    "Texas",
)
AUTHORS: tuple[str, ...] = (
    "Steve Williams",
    "Kristina Chew",
    "Laura Goldman",
    "Jordyn Cormier",
    "Susan Bird",
    "Emily Hostetler",
    "Mary Mazzoni",
    "Judy Molland",
)
PHOTO_SOURCES: tuple[str, ...] = ("Unsplash", "Flickr", "Getty Images", "Pexels")
PHOTOGRAPHERS: tuple[str, ...] = (
    "Warren Wong",
    "Jo-Anne McArthur",
    "Ben Tree",
    "Karsten Winegeart",
    "Mika Baumeister",
    "Annie Spratt",
)
