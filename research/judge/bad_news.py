"""The judge's rules as data: the words of each family of bad news, in the pattern language of
patterns.py (a word in braces is all its forms, whole; see syntax.py). rules.py applies them
before any kind of good news: a bad word wins.
"""

from __future__ import annotations

# Checked in this order; the first family that matches names the reason an item is dropped.
NEGATIVE_FAMILIES: tuple[tuple[str, str], ...] = (
    (
        "layoffs or restructuring",
        r"\blay(s|ing)?[- ]?offs?\b|\blaid off\b|\bjob cuts?\b|\b(?:{redundancy})|\bwarn notice"
        r"|\b(cut|cuts|cutting|slash|slashes|slashed|slashing|shed|sheds|shedding|(?:{eliminate}|{elimination})|axe[sd]?|trims?|trimmed|(?:{reduce}|{reduction}))\b"
        r"[^.]{0,30}\b(jobs|roles|positions|workforce|staff|employees|headcount|workers)\b"
        r"|\b(?:{restructure}|{restructuring})|\b(?:{downsize})|\b(?:{furlough})",
    ),
    (
        "a lost deal",
        r"\blos(e|es|ing|t)\b|\bends?\b[^.]{0,30}\b(partnership|deal|contract|agreement|relationship|alliance)"
        r"|\b(?:{abandon})|\b(?:{terminate}|{termination})|\bpulls? out\b|\b(?:{withdraw}|{withdrawal})|\bwalks? away\b|\b(?:{collapse})"
        r"|\bfails?\b|\bfailed\b|\bblock(?<!coal block)(?<!oil block)(?<!gas block)(?<!mining block)(?<!exploration block)(s|ed)?\b(?! (deals?|trades?|wins?|allocations?|auctions?)\b)|\brejected\b|\b(?:{snub}|{rebuff})\b|\bbacks? out\b|\b(selected|chosen|picked|preferred) over\b",
    ),
    (
        "legal trouble",
        r"\blawsuits?\b|\b(sue|sues|sued|suing)\b|\bprobes?\b|\b(?:{investigate}|{investigation}|{investigator})|\bfined?\b|\bfines\b"
        r"|\b(?:{penalty})|\bsettle(s|d|ment)?\b|\bcharged\b|\b(?:{indict}|{indictment})|\bantitrust\b|\bclass action"
        r"|\b(?:{subpoena})|\b(?:{accuse}|{accusation})|\b(?:{allege}|{allegation}|allegedly)|\b(?:{violate}|{violation})|\bregulators?\b(?![^.;]{0,25}\b(approves?|approved|approval|backs?|clears?|cleared|clearance|nod|green light|endorses?|recommends?)\b)|\bcourt\b"
        # a regulator named alone is trouble, but not as the one a filing goes to or is cleared
        # by ("files IPO papers with Sebi"): its probe, fine or charge says trouble in words
        r"|\b(?=(sec|ftc|doj|cma|fca|sebi)\b)(?<!papers with )(?<!prospectus with )(?<!drhp with )"
        r"(?<!application with )(?<!documents with )(?<!files with )(?<!cleared by )(sec|ftc|doj|cma|fca|sebi)\b(?![^.;]{0,12}\b(nod|approval|clearance|approves|clears)\b)"
        r"|\b(?:{sentence})|\bprison\b|\b(?:{jail})|\b(?:{convict}|{conviction})|\bguilty\b|\blitigation\b|\b(?:{sanction})"
        r"|\bbann?(ed|s)?\b|\b(?:{raid})|\bscrutiny\b|\bunder fire\b|\bcrackdown\b"
        r"|\bcomplaints?\b|\b(?:{penalise})|\b(?:{penalize})|\bliab(?<!limited liab)(le|ility)\b|\bdamages\b|\bsuits?\b|\bhit with\b"
        r"|\blegal (challenge|action|battle|fight|dispute)\b|\bappeals?\b",
    ),
    ("a recall", r"\b(?:{recall})"),
    (
        "a downgrade",
        r"\b(?:{downgrade})|\bprice target cut\b|\bcut to (sell|underweight|underperform|neutral)\b|\bbearish\b",
    ),
    (
        "a breach or outage",
        r"\b(?:{breach})|\b(?:{hack}|{hacker})|\boutages?\b|\b(?:{cyberattack}|cyberattacks|cyber {attack})|\bransomware\b|\bdata leak"
        r"|\bdown for\b|\b(?:{disrupt}|{disruption})|\b(?:{spill})|\bexplosion\b|\bblast\b|\b(?:{accident})"
        r"|\b(?:{contaminate}|{contamination})|\bfire at\b|\bdata leaks?\b|\bleaked\b|\b(gas|oil|chemical|radiation|fuel) leaks?\b",
    ),
    (
        "losses or a miss",
        r"\bloss(es)?\b|\bmiss(es|ed)?\b|\bshortfall\b|\b(?:{plunge})|\b(?:{slump})|\b(?:{tumble})|\bsinks?\b"
        r"|\bfalls?\b|\bfell\b|\bdrops?\b|\b(?:{decline})|\bwarns?\b|\b(?:weak|weaker|weakest|{weakness}|{weaken})|\b(?:{disappoint}|disappointing|{disappointment})"
        r"|\bcuts?\b[^.]{0,20}\b(forecast|guidance|outlook)\b|\blower(s|ed)?\b[^.]{0,20}\b(forecast|guidance|outlook)\b"
        r"|\b(lags?|lagged|lagging|trails?|trailed)\b[^.;]{0,20}\b(forecasts?|estimates?|expectations|street|consensus)\b"
        r"|\bpain\b|\bfallout\b|\b(profit|net|pat|revenue|sales|earnings|income)\b[^.;]{0,12}\bdown\b"
        r"|\bslip(s|ped)?\b|\bslid(e|es)?\b|\btanks?\b|\b(?:{plummet})|\bdip(s|ped)?\b|\bdown \d"
        r"|\blowest\b|\bworst\b|\bflat\b|\bbelow (expectations|estimates|forecasts?)\b|\bshort of\b"
        r"|\b(?:{drag})|\bhit by\b|\b(?:{hurt})|\bbleak\b|\b(?:gloom|gloomy|gloomier)|\bwoes?\b|\b(?:{struggle})|\b(?:{trouble}|troubling)"
        r"|\bcrisis\b|\bconcerns?\b|\bworr(y|ies|ied)\b|\bpressure\b|\bheadwinds?\b|\bslow(s|down|ing|ed)\b"
        r"|\b(?:{erode}|erosion)|\b(?:{shrink})|\bcontraction\b|\bwrite-?downs?\b|\bwrite-?offs?\b|\bimpairment\b"
        r"|\bin the red\b|\bdeficit\b|\b(?:{underperform}|underperformance)|\bsell-?off\b|\bwipes?\b|\berases?\b"
        r"|\b(?:{squeeze})\b[^.;]{0,20}\b(margins?|profits?|earnings)\b|\bmargins?\b[^.;]{0,15}\b(?:{squeeze})\b"
        r"|\bjeopardy\b|\b(?:{threat}|{threaten})|\bsetbacks?\b|\bblow\b|\b(?:{stall})"
        r"|\bfaces?\b[^.]{0,20}\b(axe|cuts|losses|probe|charges|fine)\b|\b(?:{falter})|\bsluggish\b|\bsoft(er)?\b",
    ),
    (
        "a share drop",
        r"\b(stocks?|shares?|scrip)\b[^.;]{0,20}\b(down|lower|red|fall|falls|fell|drop|drops|dropped|(?:{slump})|slide|slides"
        r"|weak|(?:{tumble})|(?:{sink})|(?:{plunge})|(?:{crash})|(?:{tank})"
        # "shares hit 52-week high" is a rise
        r"|hit(?!\s+(an?\s+|its\s+)?(new|fresh|record|all-time|lifetime|\d+-\w+|multi-\w+|\w+-year|\d+|week|month|year|[\s-])*(highs?|peaks?|upper circuit)\b))\b"
        r"|\bends? in (the )?red\b|\btakes? (a )?hit\b"
        r"|\b(sheds?|loses?|lost|wipes?|wiped|erases?|erased)\b[^.;]{0,25}\b(market (value|cap|capitali[sz]ation)|m-?cap|in value|of (its )?value)\b",
    ),
    (
        "a warning sign",
        r"\bavoid\b|\b(?:{caution}|cautious|cautiously)|\brisky\b|\bat risk\b|\brisks? (of|to)\b|\bhigh-risk\b|\bcrunch\b|\b(?:{irregularity})|\bhalv(es|ed|ing)\b"
        r"|\b(multi-year|record|all-time) lows?\b|\b\d+-(year|quarter|month|week) lows?\b|\bat (a low|lows?)\b|\bunlikely\b"
        r"|\blower\b[^.;]{0,15}\b(profit|net|income|revenue|sales|earnings|margins?|demand|guidance|forecast|outlook|volumes?)\b"
        r"|\bwary\b|\bharder\b|\btougher\b|\b(?:difficult|{difficulty})|\bnegative\b|\b(?:{disappoint}|disappointing|{disappointment})|\bdismal\b|\bpoor\b|\bfears?\b|\bpanic\b"
        # a threat to the company's deal or plan: "stake shakes buyout", "casts doubt on merger"
        r"|\bshakes?\b(?![- ](up|off|hands)\b)|\bshaken\b|\bcasts? (a )?(doubt|shadow|cloud)s?\b|\bin doubt\b"
        r"|\b(?:{derail})|\b(?:{jeopardise}|{jeopardize})|\broadblocks?\b|\bhiccups?\b"
        # "hits a snag", not "snags a contract"
        r"|\b(hits?|faces?|runs? into|ran into|struck|strikes?)\s+(an? |another |fresh |new |legal |regulatory )?snags?\b",
    ),
    (
        "a departure",
        r"\b(?:{resign}|{resignation})|\bsteps? down\b|\bousted\b|\bfired\b|\bquits?\b|\bdeparture\b|\bexits?\b"
        r"|\bdeparts?\b|\bleaves (the )?(company|firm|board|bank|group|post|role|job)\b|\bto leave\b"
        r"|\b(looking for|looks for|seeks?|seeking|search(es|ing)? for|hunt(s|ing)? for) (a )?(new )?(ceo|chief executive|chairman|boss)\b|\bceo search\b",
    ),
    (
        "a scandal",
        r"\b(?:{scandal})|\b(?:{fraud}|fraudulent|{fraudster})|\bmisconduct\b|\b(?:{bribe}|bribery)|\b(?:{embezzle}|{embezzlement})",
    ),
    (
        "a strike",
        r"\b(on|go on|went on|(?:{threaten}) to|vote to|voted to) strike\b|\bstrike (action|ballot|vote)\b"
        r"|\b(workers|staff|employees|unions?|pilots|drivers|nurses|miners|dockers|crews?)\b[^.]{0,20}\bstrik(e|es|ing)\b"
        r"|\bwalkouts?\b|\bwalk(s|ed|ing)? out\b|\bunion dispute|\bstoppage\b"
        r"|\b(bank|rail|general|national|nationwide|port|postal|transport|truckers'?|teachers'?|doctors'?) strikes?\b",
    ),
    (
        "bankruptcy",
        r"\b(?:{bankrupt}|{bankruptcy})|\bchapter 11\b|\b(?:insolvent|insolvency)|\bdefaults?\b|\b(?:{liquidate}|{liquidation}|{liquidator})|\bbail-?outs?\b"
        r"|\brescue\b|\bafloat\b|\bemergency\b|\blifeline\b",
    ),
    (
        "a closure or setback",
        r"\bshut(s|ting)? down\b|\bshutters?\b|\bclos(es|ing|ed|ure)\b[^.]{0,30}\b(plant|store|stores|office|factory|site)s?\b"
        r"|\b(?:{delay})|\b(?:{halt})|\b(?:{suspend}|{suspension})|\b(?:{cancel}|{cancellation})|\b(?:{scrap})|\b(?:{crash})|\bdeath|\bdies\b|\bkilled\b"
        r"|\bclos(e|es|ing)\b[^.]{0,15}\b\d+\b[^.]{0,15}\b(stores|branches|plants|offices|sites|outlets)\b"
        r"|\b(?:{postpone}|{postponement})|\b(?:{shelve})|\b(?:{revoke})|\b(?:{rescind})|\bstripped of\b|\b(?:{freeze})|\bpaus(e|es|ed|ing)\b"
        r"|\bpushed back\b|\bon hold\b|\b(hits?|on) the rocks\b|\bruns? aground\b|\bflops?\b|\bflopped\b|\b(?:{cost-cut}|cost-cutting|cost-cutter)|\bsavings (plan|program|programme)\b"
        r"|\bprotests?\b|\bunion drive\b|\b(?:{overshadow})|\bguides? lower\b|\branked last\b|\blast place\b"
        r"|\bmost hated\b|\b(?:{complain}|{complaint})|\binternal review\b|\baccounting (errors?|irregularities|problems)\b",
    ),
)
