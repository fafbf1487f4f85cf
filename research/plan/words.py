"""Common English words that are also used as company names: too generic to search for alone.

Our own list: everyday nouns, adjectives and verbs a headline may use in lower case ("apple pie",
"target market", "shell game"), so a one-word company name found here needs more than a bare
keyword match to be trusted.
"""

COMMON_WORDS = frozenset(
    """
    able access ace action active adobe advance agile aim air alert alliance alpha amazon
    anchor angel apex apple arch arrow art ascent aspire atlas atom aura avenue axis
    balance bank base beacon bear bell best beyond big birch bird black blade blaze bloom blue
    bold bolt bond boost box bridge bright brook buck buzz cabin canvas capital cardinal care
    cargo cascade castle catalyst cedar center chance channel charter chase circle citadel city
    clarity clear cloud coast code comet common compass core corner craft crane crest crown
    crystal cube current curve dash dawn day delta design diamond digital direct discovery dove
    dragon dream drive eagle earth echo edge element elevate elite ember empire energy engine
    epic equity essence ever evolve express fable falcon field fire first flag flash fleet
    flex flow focus force forest forge fortune forward fox frame freedom fresh frontier fuel
    fusion future galaxy game gap garden gate gem general genesis giant glacier global globe
    gold good grace grand graph green grid ground group grove guard guide harbor harmony harvest
    haven hawk heart helix heritage hero high highland hill hive home honey horizon hub icon
    ideal impact infinity insight iron island ivy jade jet journey jump just key keystone kind
    king kite lab lake land lantern laser launch leaf legacy legend level liberty light lime
    link lion live lotus lucid lumen lunar magnet main maple marble mark market matrix maven
    meadow mercury meridian mesa meta metro mind mint mission momentum monarch moon mosaic motion
    mountain nature navigator neon nest network new next noble north nova oak oasis ocean office
    omega one open optimum orbit orchard origin pacific palm paper parallel path patriot peak
    pearl pilot pine pinnacle pioneer pixel planet platinum plaza point polar portal power prime
    pro pulse pure quest quick radiant rain range rapid raven ready real red reef relay rise
    river road rock rocket root rose royal ruby sage sail salt sapphire scale scout sea seed
    sentinel shell shield shift signal silver simple sky slate smart snap solar solid sonic
    source spark sphere spire spring sprint square star steel stone storm stream strong summit
    sun sunrise superior swift target terra thrive thunder tide tiger timber titan top torch
    tower trade trail trend trinity triumph true trust union unity urban valley value vanguard
    vector venture vertex victory view vision visa vista vital vivid volt voyage wave west
    willow wind wing wise wolf wonder works world xenon yellow york zen zenith zero zone
    ball block box cash chart check chip circle coin crew deck dollar door dot drop fan fit float
    flock fly gather glow grain gulf hand hook hope jewel kit lead line lock loop lucky match
    meal mode net note oracle orange page pan peach pilot pin plan plate pod pool post puzzle
    rally rent ring robin roof rush safe scope seat sense shape share ship shop shore sign slack
    snow sole spot stack stage stamp step stripe sync table tap tide tile ton tool track trip
    truck tune turn twist unit vault verge visa wall ward wealth well west wheel wish yard
    """.split()
)
