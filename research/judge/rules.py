"""Pure, first-pass headline classification: which kind of good news, or which kind of bad news.

Keyword rules over the headline, chosen so that a mistake drops good news rather than praising bad
news: any negative cue wins over any positive one ("record revenue but cuts 150 jobs" is dropped),
and questions and hedged headlines are never treated as events.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import Enum

from ..models import EventKind
from ..write.headline import boilerplate_removed
from .inflections import INFLECTIONS
from .match import Mention, first_sentence_of, sentence_case

_PLACEHOLDER = re.compile(r"\{([a-z][a-z'-]*)\}")


_WITHIN_SENTENCE = re.compile(r"\[\^\.([^\]]*)\]")


def _expand(pattern: str) -> str:
    """The pattern with every ``{lemma}`` written out as all its forms (inflections.py), so a
    rule names a word once and matches it whole: "{drag}" is drag, drags, dragged, dragging,
    never "Dragonfield". A gap that stays within a sentence ("[^.;]") may still cross the point
    of a decimal number ("$2.7 billion")."""
    pattern = _PLACEHOLDER.sub(
        lambda m: "(?:" + "|".join(INFLECTIONS[m.group(1)]) + ")\\b", pattern
    )
    return _WITHIN_SENTENCE.sub(lambda m: f"(?:[^.{m.group(1)}]|(?<=\\d)\\.(?=\\d))", pattern)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(_expand(pattern), re.IGNORECASE)


class _Rule:
    """A pattern searched in lower-cased text."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(_expand(pattern))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)


def _lower(text: str) -> str:
    """Lower case with every character kept in place, so positions match the original."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# Checked in this order; the first family that matches names the reason an item is dropped.
NEGATIVE_FAMILIES: tuple[tuple[str, _Rule], ...] = (
    (
        "layoffs or restructuring",
        _Rule(
            r"\blay(s|ing)?[- ]?offs?\b|\blaid off\b|\bjob cuts?\b|\b(?:{redundancy})|\bwarn notice"
            r"|\b(cut|cuts|cutting|slash|slashes|slashed|slashing|shed|sheds|shedding|(?:{eliminate}|{elimination})|axe[sd]?|trims?|trimmed|(?:{reduce}|{reduction}))\b"
            r"[^.]{0,30}\b(jobs|roles|positions|workforce|staff|employees|headcount|workers)\b"
            r"|\b(?:{restructure}|{restructuring})|\b(?:{downsize})|\b(?:{furlough})"
        ),
    ),
    (
        "a lost deal",
        _Rule(
            r"\blos(e|es|ing|t)\b|\bends?\b[^.]{0,30}\b(partnership|deal|contract|agreement|relationship|alliance)"
            r"|\b(?:{abandon})|\b(?:{terminate}|{termination})|\bpulls? out\b|\b(?:{withdraw}|{withdrawal})|\bwalks? away\b|\b(?:{collapse})"
            r"|\bfails?\b|\bfailed\b|\bblock(s|ed)?\b|\brejected\b|\b(?:{snub}|{rebuff})\b|\bbacks? out\b|\b(selected|chosen|picked|preferred) over\b"
        ),
    ),
    (
        "legal trouble",
        _Rule(
            r"\blawsuits?\b|\b(sue|sues|sued|suing)\b|\bprobes?\b|\b(?:{investigate}|{investigation}|{investigator})|\bfined?\b|\bfines\b"
            r"|\b(?:{penalty})|\bsettle(s|d|ment)?\b|\bcharged\b|\b(?:{indict}|{indictment})|\bantitrust\b|\bclass action"
            r"|\b(?:{subpoena})|\b(?:{accuse}|{accusation})|\b(?:{allege}|{allegation}|allegedly)|\b(?:{violate}|{violation})|\bregulators?\b(?![^.;]{0,25}\b(approves?|approved|approval|backs?|clears?|cleared|clearance|nod|green light|endorses?|recommends?)\b)|\bcourt\b"
            r"|\b(sec|ftc|doj|cma|fca|sebi)\b(?![^.;]{0,12}\b(nod|approval|clearance|approves|clears)\b)"
            r"|\b(?:{sentence})|\bprison\b|\b(?:{jail})|\b(?:{convict}|{conviction})|\bguilty\b|\blitigation\b|\b(?:{sanction})"
            r"|\bbann?(ed|s)?\b|\b(?:{raid})|\bscrutiny\b|\bunder fire\b|\bcrackdown\b"
            r"|\bcomplaints?\b|\b(?:{penalise})|\b(?:{penalize})|\bliab(le|ility)\b|\bdamages\b|\bsuits?\b|\bhit with\b"
            r"|\blegal (challenge|action|battle|fight|dispute)\b|\bappeals?\b"
        ),
    ),
    ("a recall", _Rule(r"\b(?:{recall})")),
    (
        "a downgrade",
        _Rule(
            r"\b(?:{downgrade})|\bprice target cut\b|\bcut to (sell|underweight|underperform|neutral)\b|\bbearish\b"
        ),
    ),
    (
        "a breach or outage",
        _Rule(
            r"\b(?:{breach})|\b(?:{hack}|{hacker})|\boutages?\b|\b(?:{cyberattack}|cyberattacks|cyber {attack})|\bransomware\b|\bdata leak"
            r"|\bdown for\b|\b(?:{disrupt}|{disruption})|\b(?:{spill})|\bexplosion\b|\bblast\b|\b(?:{accident})"
            r"|\b(?:{contaminate}|{contamination})|\bfire at\b|\bdata leaks?\b|\bleaked\b|\b(gas|oil|chemical|radiation|fuel) leaks?\b"
        ),
    ),
    (
        "losses or a miss",
        _Rule(
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
            r"|\bjeopardy\b|\b(?:{threat}|{threaten})|\bsetbacks?\b|\bblow\b|\b(?:{stall})"
            r"|\bfaces?\b[^.]{0,20}\b(axe|cuts|losses|probe|charges|fine)\b|\b(?:{falter})|\bsluggish\b|\bsoft(er)?\b"
        ),
    ),
    (
        "a share drop",
        _Rule(
            r"\b(stocks?|shares?|scrip)\b[^.;]{0,20}\b(down|lower|red|fall|falls|fell|drop|drops|dropped|(?:{slump})|slide|slides"
            r"|weak|(?:{tumble})|(?:{sink})|(?:{plunge})|(?:{crash})|(?:{tank})|hit)\b|\bends? in (the )?red\b|\btakes? (a )?hit\b"
            r"|\b(sheds?|loses?|lost|wipes?|wiped|erases?|erased)\b[^.;]{0,25}\b(market (value|cap|capitali[sz]ation)|m-?cap|in value|of (its )?value)\b"
        ),
    ),
    (
        "a warning sign",
        _Rule(
            r"\bavoid\b|\b(?:{caution}|cautious|cautiously)|\brisky\b|\bat risk\b|\brisks? (of|to)\b|\bhigh-risk\b|\bcrunch\b|\b(?:{irregularity})|\bhalv(es|ed|ing)\b"
            r"|\b(multi-year|record|all-time) lows?\b|\b\d+-(year|quarter|month|week) lows?\b|\bat (a low|lows?)\b|\bunlikely\b"
            r"|\blower\b[^.;]{0,15}\b(profit|net|income|revenue|sales|earnings|margins?|demand|guidance|forecast|outlook|volumes?)\b"
            r"|\bwary\b|\bharder\b|\btougher\b|\b(?:difficult|{difficulty})|\bnegative\b|\b(?:{disappoint}|disappointing|{disappointment})|\bdismal\b|\bpoor\b|\bfears?\b|\bpanic\b"
        ),
    ),
    (
        "a departure",
        _Rule(
            r"\b(?:{resign}|{resignation})|\bsteps? down\b|\bousted\b|\bfired\b|\bquits?\b|\bdeparture\b|\bexits?\b"
            r"|\bdeparts?\b|\bleaves (the )?(company|firm|board|bank|group|post|role|job)\b|\bto leave\b"
            r"|\b(looking for|looks for|seeks?|seeking|search(es|ing)? for|hunt(s|ing)? for) (a )?(new )?(ceo|chief executive|chairman|boss)\b|\bceo search\b"
        ),
    ),
    ("a scandal", _Rule(r"\b(?:{scandal})|\b(?:{fraud}|fraudulent|{fraudster})|\bmisconduct\b|\b(?:{bribe}|bribery)|\b(?:{embezzle}|{embezzlement})")),
    (
        "a strike",
        _Rule(
            r"\b(on|go on|went on|(?:{threaten}) to|vote to|voted to) strike\b|\bstrike (action|ballot|vote)\b"
            r"|\b(workers|staff|employees|unions?|pilots|drivers|nurses|miners|dockers|crews?)\b[^.]{0,20}\bstrik(e|es|ing)\b"
            r"|\bwalkouts?\b|\bwalk(s|ed|ing)? out\b|\bunion dispute|\bstoppage\b"
            r"|\b(bank|rail|general|national|nationwide|port|postal|transport|truckers'?|teachers'?|doctors'?) strikes?\b"
        ),
    ),
    (
        "bankruptcy",
        _Rule(
            r"\b(?:{bankrupt}|{bankruptcy})|\bchapter 11\b|\b(?:insolvent|insolvency)|\bdefaults?\b|\b(?:{liquidate}|{liquidation}|{liquidator})|\bbail-?outs?\b"
            r"|\brescue\b|\bafloat\b|\bemergency\b|\blifeline\b"
        ),
    ),
    (
        "a closure or setback",
        _Rule(
            r"\bshut(s|ting)? down\b|\bshutters?\b|\bclos(es|ing|ed|ure)\b[^.]{0,30}\b(plant|store|stores|office|factory|site)s?\b"
            r"|\b(?:{delay})|\b(?:{halt})|\b(?:{suspend}|{suspension})|\b(?:{cancel}|{cancellation})|\b(?:{scrap})|\b(?:{crash})|\bdeath|\bdies\b|\bkilled\b"
            r"|\bclos(e|es|ing)\b[^.]{0,15}\b\d+\b[^.]{0,15}\b(stores|branches|plants|offices|sites|outlets)\b"
            r"|\b(?:{postpone}|{postponement})|\b(?:{shelve})|\b(?:{revoke})|\b(?:{rescind})|\bstripped of\b|\b(?:{freeze})|\bpaus(e|es|ed|ing)\b"
            r"|\bpushed back\b|\bon hold\b|\b(hits?|on) the rocks\b|\bruns? aground\b|\bflops?\b|\bflopped\b|\b(?:{cost-cut}|cost-cutting|cost-cutter)|\bsavings (plan|program|programme)\b"
            r"|\bprotests?\b|\bunion drive\b|\b(?:{overshadow})|\bguides? lower\b|\branked last\b|\blast place\b"
            r"|\bmost hated\b|\b(?:{complain}|{complaint})|\binternal review\b|\baccounting (errors?|irregularities|problems)\b"
        ),
    ),
)

_HEDGE = _Rule(
    r"\b(could|might|may|would|should|mulls?|consider(s|ing)?|weigh(s|ing)?|eyes|eyeing|in talks|(?:{rumour}|{rumor})"
    r"|reportedly|denies|denied|deny|(?:{speculate}|{speculation}|speculative)|unconfirmed|expects?|expected to|likely|poised"
    r"|set to (rise|jump|gain|grow|post|report|see|benefit|win|top|beat|surge|soar|double|rally|hit|climb|get|receive|land|bag|clinch)"
    r"|seen (up|down|higher|lower|rising|falling|growing|jumping|at|as|\d)|estimated to|projected to|possible|potential|pursue[sd]?|pursuing"
    r"|in (the )?(fray|race|running)|hopeful|looks? to|looking to|studies|studying|buzz|expansion plans?|plans (for|an?|its) (ipo|listing|expansion)"
    r"|aims? to|hopes? to|seeks? to|targets?|(?:{explore}|{exploration})"
    r"|bid for|offer for|offers? to (buy|acquire|take over)|(?:{approach})|sources say|said to|nears|nearing|near (a |an )?(deal|agreement|sale|settlement)|close to (a )?deal|in (\w+ )?talks|talks (to|with|on|over|about)"
    r"|(on|after|amid|following|per) (media )?reports?|(deal|merger|stake|buyout|takeover|sale) reports?|on hopes?|hopes? (of|on|for)"
    r"|to (gain|benefit) from|scope for|future (earnings|growth|profits?)|to be (an? )?(\w+ )?triggers?|reports say|according to (media )?reports?|in line for|tipped|(?:{shortlist})|(?:{nominate}|{nomination}|{nominee})|finalists?|bids?|vies|vying|competes? for|competing for"
    r"|wants? to|seeks?|seeking|(?:{scramble})|(?:{prepare}|{preparation})|on (track|course)|forecast to"
    r"|analysts? (see|expect|say)|report:|(?:{upgrade})|price target|stock to buy|buy rating|overweight|outperform"
    r"|not|\w+n't|never|no longer|no (plans?|decision|deal|agreement)|without|fails? to|yet to|rejects?)\b"
)
_QUESTION_START = _rx(r"^(will|could|can|should|is|are|does|do|did|has|have|why|how|what|who)\b")

# Checked in this order: the more specific kinds first.
KIND_RULES: tuple[tuple[EventKind, _Rule], ...] = (
    (
        EventKind.ACQUISITION,
        _Rule(
            r"\bacquires?\b|\bacquisition of\b|\bbuys\b(?!\s*([;:|,.]|$))|\bto buy\b|\bpurchases\b|\bpurchase of\b"
            r"|\bsnaps up\b|\bscoops up\b|\b(completes?|completed|closes?|closed|finali[sz]es?|finali[sz]ed)\b[^.;]{0,40}\b(acquisition|purchase|takeover|buyout)\b"
            r"|\btakes over\b(?! as\b)(?!\s*$)|\bto take over\b(?! as\b)(?!\s*$)|\btakeover of\b|\bcloses (the )?(acquisition|purchase|deal for)\b"
            r"|\btakes? (a )?(majority|controlling|\d+(\.\d+)? ?%|\d+ per ?cent) stake in\b"
            r"|\bpicks up\b[^.;]{0,30}\bstake in\b|\bpicks up \d+(\.\d+)? ?(%|per ?cent) in\b"
            r"|\badds\b[^.;]{0,40}\bthrough (an )?acquisition\b"
            r"|\b(seals?|completes?|closes?|agrees?|clinches?)\b[^.;]{0,30}\bmerger\b"
            r"|\b(acquired|bought|taken over) by\b|\bsells?\b[^.;]{0,60}\bto\b"
            r"|\b(?:{launch})\b[^.;]{0,20}\b(bid|offer|open offer|tender offer|takeover offer)\b|\bbuyout of\b"
            r"|\b(raises?|ups|increases?|hikes?|lifts?)\b[^.;]{0,8}\bstake\b[^.;]{0,40}\bto (5[1-9]|[6-9]\d|100)(\.\d+)? ?(%|per ?cent)"
            r"|\b(approves?|approved|clears?|cleared|green[- ]lights?)\b[^.;]{0,40}\b(deal|merger|takeover|acquisition|buyout|purchase)\b"
            r"|\bgreen light\b[^.;]{0,40}\b(deal|merger|takeover|acquisition|buyout|purchase)\b"
            r"|\b(deal|merger|takeover|acquisition|buyout)\b[^.;]{0,40}\b(approved|cleared|gets? (the )?(nod|approval|clearance|green light)|secures?\b[^.;]{0,20}\bnod|clears? (a )?(big |major |key )?hurdle)\b"
        ),
    ),
    (
        EventKind.FUNDING,
        _Rule(
            r"\b(raises?|raised|raising|lands?|bags?|secures?|closes?|receives?|wins?|gets?|attracts?)\b[^.;]{0,12}"
            r"(\$|\u20ac|\u00a3|\u00a5|\u20b9|rs\.? ?|usd |inr |eur |c\$|a\$)\s?\d(?![^.;]{0,40}\b(order|contract|deal|tender)s?\b)(?![\d,.]*[- ]?(crore|cr|lakh|million|mn|billion|bn|m)?\.?[- ](project|mandate|concession)s?\b)"
            r"|\braises? \d[\d.,]* ?(million|billion|mn|bn|crore|lakh)\b"
            r"|\bseries [a-f]\b|\bfunding\b|\bseed round\b|\bgoes public\b|\bfinancing\b|\bcapital raise\b"
            r"|\b((?:{launch})|opens?|files?( for| papers| draft)?|prices?|priced|completes?|plans? to (launch|float)|to (launch|float)|raises?)\b[^.;]{0,30}\b(ipo|initial public offering|public issue|public offer|rights issue|qip|fpo)\b"
            r"|\b(ipo|initial public offering|public issue|rights issue|qip|fpo|bond issue|ncd issue|bond sale|share sale|issue)\b[^.;]{0,25}\b(opens|to open|oversubscribed|over-subscribed|fully subscribed"
            r"|subscribed (\d+(\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|\w+-fold) times|gets? (sebi|regulatory|market|shareholders'?) (nod|approval))\b"
            r"|\b(to list|to be listed|lists|listed|listing)\b[^.;]{0,25}\b(shares|on (the )?(bse|nse|nasdaq|nyse|lse|stock exchange|bourses?|sme platform|aim|main board)|at (a )?(\d+(\.\d+)? ?(%|per ?cent|pc) )?(premium|gain))"
            r"|\b(makes?|make|made) (its |a )?(stock market |market |trading |bourse |exchange )debut\b"
            r"|\b(makes?|make|made) (its |a )?([\w-]+ )?debut\b(?=[^.;]{0,30}\b(bse|nse|bourses?|nasdaq|nyse|stock exchange|listing|ipo)\b)|\bdebuts? (on|at) (the )?(bse|nse|nasdaq|nyse|stock|bourses?|market|exchange)\b"
            r"|\b(raises?|raised|raising|garners?|mops? up)\b[^.;]{0,40}\b(via|through|by issuing|by selling|from)\b[^.;]{0,20}\b(bonds?|ncds?|debentures|qip|rights issue|ipo|preferential|placement|notes)\b"
            r"|\b(gets?|receives?) (funds|funding|investment)\b(?! (adviser|advisor|banking|management|manager|grade)\b)"
            r"|\b(growth investment|investment) (from|by|of)\b|\b(?:{pour})\b[^.;]{0,20}\binto\b|\bleads?\b[^.;]{0,25}\bround\b"
            r"|\bgrowth equity\b|\bloan from\b"
            r"|\b(receives?|wins?|won|awarded|secures?|gets?|lands?|bags?)\b[^.;]{0,30}\bgrants?\b"
        ),
    ),
    (
        EventKind.AWARD,
        _Rule(
            r"\bawards?\b(?![^.;]{0,30}\b(contract|concession|tender|order|deal)s?\b)"
            r"|\bawarded\b(?![^.;]{0,40}\b(contract|concession|tender|order|deal)s?\b)|\bprizes?\b|\bhonou?r(s|ed)?\b|\brecogni[sz](ed|es)\b"
            r"|\bnamed (one of|to|a|an|the|among|best|top|most|winner)\b|\bnamed\b[^.;]{0,40}\bof the year\b"
            r"|\branked\b|\branks\b|\bbest places? to work\b|\btop employers?\b|\bcertifi(ed|cation)\b"
            r"|\baccolades?\b|\b(wins?|takes?|took|won)\b[^.;]{0,10}\b(gold|silver|bronze|the title)\b|\bcrowned\b"
            r"|\bvoted\b[^.;]{0,10}\b(best|top|most)\b|\bof the year\b|\beditors'? choice\b|\b(makes?|made|lands? on|named to)\b[^;|]{0,40}\b(list|ranking)\b|\b(earns?|wins?|takes?|claims?|secures?)\b[^.;]{0,15}\btop spot\b|\btops\b[^.;]{0,40}\b(ranking|rankings|list|survey|index|league table)\b"
            r"|\b(lands?|earns?|secures?|wins?|takes?)\b[^.;]{0,20}\b(spot|place)\b[^.;]{0,40}\blist\b"
            r"|\b(gets?|receives?|wins?|secures?|obtains?|bags?|earns?)\b[^.;]{0,25}\bcertifications?\b"
        ),
    ),
    (
        EventKind.NEW_ACCOUNT,
        _Rule(
            r"\b(selected|chosen|picked|tapped|retained|hired|appointed) (by|as|to)\b"
            # a person named to a post is not an account won: "appointed as MD", "to the board"
            r"(?! (its |the |a |an )?(new |interim |acting |joint |deputy |independent |non-executive |executive )?(md|ceo|cfo|coo|cto|cmo|chairman|chairwoman|chairperson|chair|president|vice[- ]president|director|managing director|board|head|chief|officer|secretary|manager|member)\b)"
            r"|\bselects?\b|\bchooses\b|\bpicks\b|\btaps\b"
            r"|\b(wins?|won|lands?|landed|secures?|secured|signs?|signed|inks?|inked|books?|bags?|bagged|gets?|receives?"
            r"|strikes?|struck|(?:{clinch}))\b[^.;]{0,40}\b(deal|order|account|customer|client|agreement|bid|tender|mandate"
            r"|charter|concession|contract)s?\b"
            r"|\b(loses?|lost)\b[^.;]{0,40}\b(contract|deal|order|account|client|customer|tender|bid)s?\b[^.;]{0,10}\bto\b"
            r"|\b(contract|account|order) wins?\b|\bawarded\b[^.;]{0,40}\b(contract|concession|tender|order|deal)s?\b"
            r"|\b(wins?|won|winning|secures?|bags?|lands?)\b[^.;]{0,30}\b(engagement|outsourcing|project|mandate)s?\b"
            r"|\bawards?\b[^.;]{0,30}\b(contract|concession|tender|order|deal)s?\b"
            r"|(\b(rs\.?|inr|usd|eur)|\$|\u00a3|\u20ac|\u20b9)\s?[\d,.]+[- ]?(crore|cr|million|mn|billion|bn|lakh|m)?\b[^.;]{0,25}\b(order|contract)s?\b"
            r"|\border (from|worth|for|of|valued)\b|\borders? worth\b|\border wins?\b|\borders?\b[^.;]{0,30}\bfrom\b"
            r"|\bto supply\b|\badds?\b[^.;]{0,30}\bas (customers?|clients?)\b|\breplaces?\b[^.;]{0,30}\bas\b[^.;]{0,20}\b(provider|supplier|partner|vendor)\b"
        ),
    ),
    (
        EventKind.PARTNERSHIP,
        _Rule(
            r"\bpartner(ship|ships|ed|ing)\b|\bpartners? (with|on|to)\b|\b(strategic|technology|official|exclusive|distribution) partner\b|\bjoins?\b[^.;]{0,40}\bpartner\b|\bteams? (up|with)\b|\bjoins? forces\b|\b(?:{collaborate}|{collaboration}|collaborative)|\balliance\b"
            r"|\bjoint venture\b|\bpacts?\b|\b(?:{co-develop})|\b(?:{codevelop})|\btie-?ups?\b|\bties up\b"
            r"|\b(mou|memorandum of understanding|memo of understanding)\b|\bforms? (a )?(new )?(jv|joint venture)\b"
            r"|\b(signs?|signed|inks?|inked|strikes?|struck|seals?|sealed|closes?|closed|clinch\w*|agrees?|agreed)\b[^.;]{0,30}\b(deal|agreement|pact)\b[^.;]{0,30}\bwith\b"
        ),
    ),
    (
        EventKind.GROWTH,
        _Rule(
            r"\brecord\b[\w\s-]{0,25}\b(revenue|sales|profit|earnings|results|quarter|year|growth|orders|bookings"
            r"|occupancy|passengers|volumes?|deliveries|subscribers|users|customers|traffic|production|output)\b"
            r"|\b(carries|serves|ships|sells|delivers)\b[^.;]{0,5}\ba record\b"
            r"|\b(net profit|profit|profits|pat|revenue|revenues|sales|earnings|income|ebitda|turnover|deliveries|bookings|backlog)\b"
            r"[^.;]{0,25}\b(rise|rises|rose|risen|jump|jumps|jumped|grow|grows|grew|climb|climbs|climbed|soar|soars|soared"
            r"|surge|surges|surged|up|increase|increases|increased|gain|gains|double|doubles|doubled|zoom|zooms|improve|improves|improved|higher"
            r"|crosses|passes|tops)\b"
            r"|\b(sales|revenue|profit|earnings|income) growth\b|\bmargins? (?:{expand}|{widen}|{improve})\b"
            r"|\bnet\b(?! (debt|loss|losses|outflows?|{sell}|{selloff}|short))[^.;]{0,15}\b(up|rises?|rose|jumps?|jumped|grows?|grew|climbs?|soars?|surges?|doubles?|increases?)\b"
            r"|\b(jump|rise|increase|surge|growth|gain)s? in\b[^.;]{0,25}\b(net|profits?|revenues?|sales|earnings|income)\b"
            r"|\b(sales|profits?|revenues?|earnings)\b[^.;]{0,10}\b(recover|recovers|recovered|rebound|rebounds|rebounded|bounces? back|bounced back)\b"
            r"|\b(passengers?|traffic|volumes?|footfall|subscribers|users|customers|orders|bookings|deliveries)\b[^.;]{0,15}\b(rise|rises|rose|jump|jumps|jumped|up|grow|grows|grew|increase|increases|increased|surge|surges|surged|climb|climbs|climbed|soar|soars|soared)\b"
            r"|\b(posts?|posted|reports?|reported|records?|recorded|registers?|registered|clocks?|logs?|books?)\b[^.;]{0,30}\b(net profit|profit|pat|net income)\b"
            r"|\b(net profit|pat|profit|net)\b[^.;]{0,12}\b(at|of|stands at)\s*(rs\.?|\$|\u00a3|\u20ac|\u20b9|inr|usd)\s?\d"
            r"|\b(robust|bumper|solid|healthy|stellar|blowout|stunning|impressive|upbeat)\b[^.;]{0,15}\b(results|quarter|numbers|sales|growth|earnings|performance|show|figures|profits?)\b"
            # milder words count as the cause of a move: "jumps 12% on good results", "post smart Q2 show"
            r"|\b(on|after|post|following) (the |its )?(good|smart|excellent|encouraging)\b[^.;]{0,12}\b(results|quarter|numbers|earnings|show|performance)\b"
            r"|\bback in (the )?(profit|black)\b|\bturns? (to )?(a )?(profit|profitability)\b|\breturns? to (profit|profitability|growth)\b"
            r"|\bposts? (a |an )?(net )?profit\b|\b(two|three|four|five|six|seven|eight|nine|ten|\d+)-fold (jump|rise|increase|growth)\b"
            r"|\b(rise|jump|increase|growth|surge|gain)s? in (full-year |annual |quarterly |first-half |half-year |underlying )?(revenue|sales|profit|earnings|income)\b"
            r"|\b(revenue|revenues|sales|profit|profits|earnings|income)\b[^.;]{0,6}\b(lifted|boosted|buoyed|driven up)\b"
            r"|\b(lifts?|boosts?|delivers?)\b[^.;]{0,12}\b(revenue|sales|profit|earnings|income)\b"
            r"|\bstrong(est)?\b[^.;]{0,15}\b(results|quarter|numbers|sales|growth|earnings|performance|demand|year)\b"
            r"|\b(beats?|tops?|exceeds?|surpass(es)?|outpaces?)\b[^.;]{0,25}\b(estimates?|expectations|forecasts?|guidance|consensus|street)\b"
            r"|\bbeats? in (earnings|results|profits?)\b"
            r"|\b(above|ahead of|better than)\b[^.;]{0,10}\b(estimates|expectations|forecasts?|consensus)\b"
            r"|\braises? (its )?(full-year |annual |\d{4} )?(guidance|outlook|forecast)\b|\bbest-ever\b"
            r"|\b(surpass(es)?|passes|reaches|hits|tops|crosses|grows past|exceeds)\b[^.;]{0,25}\d[\d,.]*\s*(million|billion|m|k)?\s*"
            r"(paying )?(users|customers|subscribers|members|downloads|enterprises|clients|accounts|passengers)\b"
            r"|\badds?\b[^.;]{0,20}\d[\d,.]*\s*(million|billion|m|k)?\s*(new )?(users|customers|subscribers|members|clients|accounts)\b"
            r"|\b(customer|user|subscriber) (count|base) (grows|tops|passes|crosses|surpasses)\b|\bannual recurring revenue\b"
        ),
    ),
    (
        EventKind.MILESTONE,
        _Rule(
            r"\banniversary\b|\b(?:{celebrate}|{celebration})|\bmilestone\b|\b(marks?|turns?|completes?|celebrat\w+)\b[^.;]{0,8}\b\d+ years\b"
            r"|\b\d+(st|nd|rd|th) (years?|birthday)\b|\b\d+ years (of|in business|since)\b"
            r"|\ba century\b|\bcenturies of\b|\bcentury-old\b|\bcentenary\b|\bcentennial\b|\bfirst[- ]ever\b"
            r"|\b(millionth|billionth|thousandth|hundredth)\b|\b(world's|industry's|nation's|country's|state's|region's) first\b"
            r"|\b(industry|world) first\b|\bfirst in (the )?(industry|world)\b|\bfirst-of-its-kind\b"
            r"|\b(completes?|performs?|pours?|doses?|makes?|takes? delivery of|launches|delivers?|flies|opens)\b[^.;]{0,12}\b(its |the |a )?first\b"
            r"|\b(gets?|receives?|wins?|secures?|obtains?|bags?|earns?)\b[^.;]{0,25}\b(approval|nod|clearance|licen[cs]e|patent)s?\b(?![^.;]{0,8}\b(for|to) (sell|selling|divest|divesting|exit|exiting)\b)"
            r"|\b(fda|usfda|ema|regulators?)\b[^.;]{0,15}\b(approves|approval|nod|clears)\b"
            r"|\b(approved|cleared) (by|in)\b|\bbacks? approval\b|\bgreen light\b|\borphan[- ]drug\b|\bfast[- ]track (status|designation)\b|\bbreakthrough therapy\b"
            r"|\btops out\b|\bsets? (a |new )?records?\b(?! date)|\bbreaks?\b[^.;]{0,20}\brecords?\b|\bbecomes? (the )?first\b"
            r"|\b(joins?|added to|enters?)\b[^.;]{0,15}\b(s&p 500|nasdaq-100|ftse 100|dax|nifty|sensex|fortune 500|dow jones)\b"
        ),
    ),
    (
        EventKind.GROWTH,  # "Q3 up 20%": tried only after the milestone rule above
        _Rule(
            r"\b(q[1-4]|quarter|qtr)\b[^.;]{0,4}\b(up|jumps?|rises?|grows?|soars?|surges?|climbs?)\b[^.;]{0,15}\d"
        ),
    ),
    (
        EventKind.MILESTONE,
        _Rule(r"\b(\d{3,}|\d{1,3}(,\d{3})+)(st|nd|rd|th)\b"),
    ),
    (
        EventKind.EXPANSION,
        _Rule(
            r"\bexpand(?<!margins expand)(?<!margin expand)(s|ed|ing)?\b|\bexpansion\b(?! (plans?|buzz|hopes|talk))"
            r"|\bsets? up (shop|base|operations|an? office|a plant|a unit|a subsidiary)\b|\bforms? (a )?(new )?(subsidiary|unit)\b"
            r"|\bnew\b[^.;]{0,20}\b(office|headquarters|hq|plant|facility|campus|hub|factory|mill|mine|studios?|warehouse|routes?|site|centre|center)s?\b"
            r"|\bopens?\b[^.;]{0,40}\b(office|plant|facility|headquarters|hub|campus|factory|site|mill|mine|warehouse|centre|center)s?\b"
            r"|\bhiring\b(?! (of )?(a |an |the |new |top |senior )?(executives?|ceo|cfo|chief|head|chairman|directors?|president|managers?)\b)"
            r"|\bto hire\b(?! (a |an |the |new |top |senior )?(executives?|ceo|cfo|chief|head|chairman|directors?|president|managers?)\b)|\bhires? \d|\b(double|triple)s? (its )?(headcount|workforce|staff)\b"
            r"|\b(adds?|adding|creates?|creating|brings?)\b[^.;]{0,20}\b\d[\d,]* (new )?(tech )?(jobs|routes|stores|locations)\b"
            r"|\benters?\b[^.;]{0,30}\bmarkets?\b|\bbreaks? ground\b|\b(?:{build})\b[^.;]{0,30}\b(plant|factory|mill|site|facility|mine|hub|campus|warehouse|centre|center)\b"
            r"|\bmoves? into (a )?(larger|bigger|new)\b|\bcommissions?\b[^.;]{0,15}\bnew\b|\b(?:{establish})\b[^.;]{0,20}\b(headquarters|hq|office|hub|presence)\b"
            r"|\bextends?\b[^.;]{0,20}\bnetwork\b|\bfires up\b|\bcuts? (the )?ribbon\b"
        ),
    ),
    (
        EventKind.LAUNCH,
        _Rule(
            r"\b(?:{launch})\b(?![^.;]{0,20}\b(refinancing|buyback|buy-back|probe|investigation|review|appeal|lawsuit|legal|bid|offer|share sale|stake sale|bond|bonds)\b)|\b(?:{unveil})\b(?! (its |a |new )?(plans?|proposals?|strategy|roadmap|blueprint)\b)|\bintroduc(es|ed|ing)\b|\brebrands?\b|\bdebuts?\b(?! (trade|trading|listing))|\brolls? out\b"
            r"|\breleases?\b(?!(\s+(its|the|full-year|annual|quarterly|interim|first-half|half-year|q[1-4]|fy\d*|\w+-quarter))*\s+(results|earnings|figures|data|numbers|statement|report|date)\b)|\bnew (product|service|feature|app|platform|line|model)\b"
            r"|\bopens?\b(?! up)[^.;]{0,40}\b(store|restaurant|shop|showroom|lab|studio|doors|registration|caf\u00e9|cafe|clinic"
            r"|pre-?orders?|beta|waitlist|park|museum|school|hospital|branch|outlet)s?\b|\bswitch(es)? on\b|\bnow available\b|\bmeet the\b"
        ),
    ),
)

# Verbs with the company as their object in a good sense: "Beta selects Acme for ...".
_CHOOSES_COMPANY = _rx(
    r"\b(selects?|selected|chooses|chose|picks?|picked|taps|tapped|hires|hired|awards?|awarded|names|named"
    r"|approves|approved|clears|cleared|honou?rs|honou?red|recogni[sz]es|ranks|teams? with"
    r"|appoints|appointed|engages|engaged|partners? with|teams? up with|joins forces with|signs? (with)?|loses? [^.]{0,40}\bto)\s+$"
)
# "announces third-quarter earnings release date", "to report results on May 5": a calendar entry.
_SCHEDULE = re.compile(
    r"\b(release|reporting|conference call|webcast) date\b|\bearnings (release|call|webcast)\b"
    r"|\b(to|will) (release|report|announce|publish)\b[^.;]{0,40}\b(results|earnings)\b"
    r"|\bschedules?\b[^.;]{0,40}\b(results|earnings|conference call|webcast)\b"
)
# A new-account trigger whose subject is the customer: "Beta selects Acme" is Acme's win.
_CHOOSING = re.compile(r"(selects?|chooses|picks|taps)\b")
# Legal verbs with the company as the one acting ("sued" only with an object: "Acme sued over
# fires" and "Acme sued by shareholders" are Acme being sued): "Acme sues Beta" is not trouble for Acme.
_ACTS_LEGALLY = _rx(
    r"\b(sues|(?<!gets )(?<!got )(?<!was )(?<!is )(?<!been )(?<!being )(?<!be )sued(?!\s+(by|over|for|in|after|amid|on|as|from|following|and)\b|\s*[,;:])"
    r"|files? (a )?(suit|lawsuit|complaint)|takes? [^.]{0,20} to court|accuses"
    r"|(?:{launch}) (a )?legal|appeals)\b"
)
_BEING_BOUGHT = _rx(r"\b(acquired|bought|taken over) by\b")
# "to fight ransomware", "against fraud": the bad thing is what the company works against.
_PREVENTS = _rx(
    r"\b((?:{fight})|(?:{combat})|(?:{tackle})|(?:{prevent}|{prevention})|against|(?:{stop})|(?:{detect}|{detection})|(?:{protect}|{protection})|(?:{counter})|(?:{defend})"
    r"|flags?|spots?)\s+(\w+\s+){0,2}$"
)
# "from insolvent rival", "struggling competitor": the bad news is someone else's.
_OF_ANOTHER = _rx(r"\s+(\w+\s+)?(rivals?|competitors?|peers?)\b")
# The company named after these is the buyer: "acquired by Acme", "sells its unit to Acme".
_SOLD_TO_COMPANY = _rx(
    r"\b((acquired|bought|taken over) by|sells?\b[^.;]{0,60}\bto|sold\b[^.;]{0,60}\bto)\s+$"
)
_CLAUSE_BREAK = re.compile(
    r"[;:|]|\s[-\u2013\u2014]\s|\b(but|while|amid|despite|even as)\b", re.IGNORECASE
)
_SHARE_MOVE = _Rule(
    r"\b(shares?|stocks?|scrip|stock price|market (value|cap|capitali[sz]ation))\b[^.;]{0,30}\b(rise|rises|rose|jump|jumps|jumped"
    r"|soar|soars|soared|gain|gains|gained|rall(y|ies|ied)|climb|climbs|climbed|surge|surges|surged|up|higher"
    r"|hits?|record high|high|spurt|zoom|zooms|advance|advances)\b"
    r"|\b(record|all-time|52-week) high\b|\bhits? (a )?(record|new high)\b"
)

POSITIVE, NEGATIVE, NEUTRAL = "positive", "negative", "neutral"


class Basis(str, Enum):
    """Which rule decided a reading: what a learned reading may add to it, and what it may not."""

    EVENT = "event"  # a kind of good news, the company's own
    NEGATIVE = "negative"  # a family of bad news
    HEDGE = "hedge"  # speculation, plans others report, offers, bids
    SHARE_MOVE = "share_move"  # only the share price moved
    NO_EVENT = "no_event"  # nothing the rules know
    QUESTION = "question"  # a question or a date for results
    ROLE = "role"  # the event is someone else's: buyer, customer, linked party, litigant
    NOT_ABOUT = "not_about"  # the headline is not about the company


@dataclass(frozen=True)
class Classification:
    """What a headline says about one company, with the reasons a user can read.

    ``confidence`` is how sure the judge is that the headline is news to congratulate the company
    on (1.0 for an event the rules find; the learned reading's probability for one only it
    finds). ``learned`` is the learned reading's probability whenever it knows the headline's
    words (None when it does not, or was not asked): events rank by it too.
    """

    kind: EventKind | None
    tone: str  # "positive", "negative" or "neutral" toward that company
    about_company: bool
    congratulable: bool
    reasons: tuple[str, ...]
    trigger: str = ""
    basis: Basis = Basis.NO_EVENT
    confidence: float = 0.0
    learned: float | None = None


def _same_clause(text: str, start: int, end: int) -> bool:
    low, high = sorted((start, end))
    return _CLAUSE_BREAK.search(text, low, high) is None


def read_headline(title: str, subject_at: int | None) -> Classification:
    """Tone and kind of a headline toward the company whose name starts at ``subject_at``
    (None when the headline does not name it: the company is then taken as the subject)."""
    text = " ".join(title.split())
    lower = _lower(text)
    if text.endswith("?") or _QUESTION_START.match(text):
        return _neutral("phrased as a question, not news", Basis.QUESTION)
    if ("date" in lower or "result" in lower or "earning" in lower or "call" in lower
            or "webcast" in lower) and _SCHEDULE.search(lower):  # fmt: skip
        return _neutral(
            "a date set for results or a call, not news to congratulate", Basis.QUESTION
        )
    attributed = _attribution(text)
    if attributed:
        return Classification(
            None, NEUTRAL, True, False,
            (f"someone's view or a report, not news ({attributed!r})",), attributed, Basis.HEDGE,
        )  # fmt: skip
    for family, pattern in NEGATIVE_FAMILIES:
        for match in pattern.finditer(lower):
            if _PREVENTS.search(text, 0, match.start()) or _OF_ANOTHER.match(text, match.end()):
                continue
            if _conceded(text, match):
                continue  # "grows despite a gloomy market", "first payout since its bailout"
            if subject_at is not None and _good_for_subject(text, match, family, subject_at):
                if family == "legal trouble":
                    return _neutral(
                        "the company is the one taking legal action: not news to congratulate",
                        Basis.ROLE,
                    )
                continue
            words = text[match.start() : match.end()]
            return Classification(
                None, NEGATIVE, True, False, (f"negative news ({family}: {words!r})",), words,
                Basis.NEGATIVE,
            )  # fmt: skip
    hedges: list[re.Match[str]] | None = None  # found on the first trigger: most have none
    for kind, pattern in KIND_RULES:
        for match in pattern.finditer(lower):
            if _about_the_share_price(lower, match):
                continue
            if hedges is None:
                hedges = list(_HEDGE.finditer(lower))
            # "launches a $3 billion bid for Beta": a formal offer; the bid is the trigger's own
            hedge = next((h for h in hedges if not _bid_in_trigger(lower, kind, match, h)), None)
            if hedge is not None and (
                hedge.start() < match.end() or _same_clause(text, match.start(), hedge.start())
            ):
                break  # hedged: "could win", "wins contract, expects more" is still a fact
            if kind in _FORECASTABLE and _FORECAST_BEFORE.search(lower, max(0, match.start() - 40), match.start()):
                forecast = _FORECAST_BEFORE.search(lower, max(0, match.start() - 40), match.start())
                assert forecast is not None
                words = text[forecast.start() : match.end()].strip()
                return Classification(
                    None, NEUTRAL, True, False, (f"speculation, not news ({words!r})",), words,
                    Basis.HEDGE,
                )  # fmt: skip
            if kind is EventKind.GROWTH and _NOT_REAL_GROWTH.search(lower):
                found = _NOT_REAL_GROWTH.search(text)
                said = found.group(0) if found else ""
                return _neutral(f"results only in line with estimates, or a one-off ({said!r})")
            problem = _subject_problem(text, kind, match, subject_at)
            if problem is None:
                trigger = text[match.start() : match.end()].strip()
                return Classification(
                    kind, POSITIVE, True, True, (f"{kind.value} ({trigger!r})",), trigger,
                    Basis.EVENT, 1.0,
                )  # fmt: skip
            if problem:
                return _neutral(problem, Basis.ROLE)
    first = _HEDGE.search(lower) if hedges is None else next(iter(hedges), None)
    if first is not None:
        words = text[first.start() : first.end()]
        return Classification(
            None, NEUTRAL, True, False, (f"speculation, not news ({words!r})",), words, Basis.HEDGE
        )
    if _SHARE_MOVE.search(lower):
        return _neutral(
            "a share-price move alone is not an event to congratulate", Basis.SHARE_MOVE
        )
    return _neutral("no event to congratulate (neutral news)")


# Kinds that a modal or a purpose "to" turns into a forecast: "to post higher profit", "will
# see strong earnings", "to help Acme boost sales" (a plan to buy or to launch is still news).
_FORECASTABLE = frozenset({EventKind.GROWTH, EventKind.AWARD, EventKind.NEW_ACCOUNT, EventKind.MILESTONE})
_FORECAST_BEFORE = re.compile(
    r"\b(will|would|could|may|might|can|should|must|need to|needs to"
    r"|to (post|report|show|register|log|clock|see|witness|deliver|help|boost|lift|drive|aid|fuel"
    r"|benefit|gain|get|win|bag|land|receive|become|be))\b(\s+[\w'&.-]+){0,3}\s+$"
)
# A bad word after these is the background, not the company's news: "grows despite a gloomy
# market", "first 100% mortgages since the crisis", "profit rises as it resists the oil slump".
_CONCEDED = re.compile(
    r"\b(despite|in spite of|defying|defies|defy|resists?|resisting|resisted|weathers?|weathered"
    r"|shrugs? off|shrugged off|since|amid|outpac(e|es|ed|ing))\b(\s+[\w'%$.,&-]+){0,3}\s+$",
    re.IGNORECASE,
)
# ... but only a bad background: the market, the economy, a crisis. "despite a lawsuit" or
# "despite lower margins" is the company's own trouble in a mixed headline.
_BACKGROUND = re.compile(
    r"\b(markets?|economy|economic|sector|industry|recession|downturn|slump|crisis|gloom|gloomy"
    r"|headwinds?|volatility|pandemic|war|inflation|rates|bail-?out|turmoil|uncertainty|oil|prices"
    r"|weather|competition|ftse|index|indices|benchmark|sensex|nifty|dow|nasdaq)\b",
    re.IGNORECASE,
)
# ... and not the company's own figures: "profit rises despite sales slump in China" is mixed.
_OWN_FIGURE = re.compile(
    r"\b(sales|revenues?|profits?|margins?|volumes?|orders|earnings|deliveries|subscribers"
    r"|market share|shares|stock)\b",
    re.IGNORECASE,
)
# A sentence-case headline ending in a name after a colon is someone's view ("...: Jane Doe,
# Acme Securities"); a trailing "sources" or "report" is a report, not news.
_ATTRIBUTED_TO_REPORT = re.compile(
    r"(?::|\s[-\u2013\u2014])\s*(sources?|sources say|source says|reports?|media reports?)\s*$"
    r"|:\s*(bloomberg|reuters|wsj|cnbc|analysts?|experts?|brokers?|brokerages?)\s*$"
    r"|:\s*(\w+ )?(key )?(takeaways|highlights|things to (know|watch( out for)?)|what (experts|analysts|brokers) say)\b"
    r"|^\s*(decoding|explained|explainer|analysis|opinion|comment|view|preview)\b",
    re.IGNORECASE,
)
_ATTRIBUTED_TO_PERSON = re.compile(
    r":\s*[A-Z][a-zA-Z.'-]+(\s+[A-Z][a-zA-Z.'-]+){1,3}(,\s*[A-Z][\w.&'-]*(\s+[A-Z&][\w.&'-]*){0,4})?\s*$"
)


def _attribution(text: str) -> str:
    """The attribution that makes a headline a report or someone's view, or ""."""
    found = _ATTRIBUTED_TO_REPORT.search(text)
    if found:
        return found.group(0).strip(" :-\u2013\u2014")
    found = _ATTRIBUTED_TO_PERSON.search(text)
    if found and sentence_case(text[: found.start()]):
        return found.group(0).strip(" :")
    return ""


def _bid_in_trigger(
    lower: str, kind: EventKind, trigger: re.Match[str], hedge: re.Match[str]
) -> bool:
    return (
        kind is EventKind.ACQUISITION
        and trigger.start() <= hedge.start() < trigger.end()
        and lower.startswith("bid", hedge.start())
    )


def _conceded(text: str, match: re.Match[str]) -> bool:
    """A bad word that only sets the scene, after "despite", "since", "amid" and the like."""
    marker = _CONCEDED.search(text, max(0, match.start() - 40), match.start())
    if marker is None:
        return False
    scene = text[marker.start() : match.end() + 30]
    clause_end = _CLAUSE_BREAK.search(scene, marker.end() - marker.start())
    scene = scene[: clause_end.start() if clause_end else None]
    return _BACKGROUND.search(scene) is not None and _OWN_FIGURE.search(scene) is None


# "Acme customer Beta ...", "Acme-backed Beta ...", "former Acme engineer ...": someone else's news.
_ROLE_AFTER_NAME = re.compile(
    r"(\s|-)(customer|client|supplier|rival|competitor|backed|spinout|spin-off|alumni|alumnus"
    r"|engineer|employee|veteran|partner(?!s?\s+(with|to|on)\b))s?\b",
    re.IGNORECASE,
)
_FORMER_BEFORE_NAME = re.compile(r"\b(former|ex-|ex)\s*$", re.IGNORECASE)
_SHARE_SUBJECT = re.compile(r"\b(shares?|stocks?|scrip|stock price)\b[^.;:|]{0,25}$")


def _about_the_share_price(lower: str, match: re.Match[str]) -> bool:
    """A trigger whose subject is the share price ("shares set a new record", "stock posts its
    best-ever day", "shares jump in Nasdaq debut"): market talk, not the company's event."""
    if _BUSINESS_NOUN.search(match.group(0)):
        return False  # "shares surge on record profit": the profit is the event
    subject = _SHARE_SUBJECT.search(lower, 0, match.start())
    # "shares rally on pact with X", "as it wins": what follows the connector is the event.
    return subject is not None and not _CAUSE.search(lower, subject.start(), match.start())


_CAUSE = re.compile(r"\b(on|as|after|following|post|with|over|amid)\b")


_BUSINESS_NOUN = re.compile(
    r"\b(revenue|profit|sales|results|earnings|income|net|order|contract|deal|customers?|users|award)\b"
)


def _neutral(reason: str, basis: Basis = Basis.NO_EVENT) -> Classification:
    return Classification(None, NEUTRAL, True, False, (reason,), basis=basis)


def _good_for_subject(text: str, match: re.Match[str], family: str, subject_at: int) -> bool:
    """Negative words that are not bad news for this company: it is the one suing ("Acme sues
    Beta"), or the one a contract was lost to ("Beta loses contract to Acme")."""
    if family == "legal trouble" and subject_at < match.start():
        # Searched past the match: whether "sued" has an object depends on what follows it.
        acting = _ACTS_LEGALLY.search(text, subject_at)
        return (
            acting is not None
            and acting.start() < match.end()
            and len(text[subject_at : acting.start()].split()) <= 4
        )
    if family == "a lost deal" and subject_at > match.end():
        return bool(re.search(r"\bto\s+$", text[match.end() : subject_at]))
    return False


def _continues_subject(text: str, subject_at: int, trigger_at: int) -> bool:
    """A later clause with no name of its own still speaks of the headline's subject:
    "Geometric rallies post Q1 results; net profit rises"."""
    if trigger_at < subject_at:
        return False
    breaks = list(_CLAUSE_BREAK.finditer(text, subject_at, trigger_at))
    clause = text[breaks[-1].end() : trigger_at]
    return not any(word[:1].isupper() for word in clause.split()[1:])


# What follows "buys" or "acquires" when it is an investment: shares, a stake it does not size or
# one under ten per cent, a buyback. (Ten per cent or more reads as a strategic stake.)
_AN_INVESTMENT = re.compile(
    # shares bought are an investment; shares paid ("all-stock deal", "in cash and shares") not
    r"\s*(-?back\b|[^;:|]{0,40}(?<!-)(?<!\bin )(?<!\band )"
    r"\b(shares?|stocks?|securities|bonds|units|debentures)\b(?!\s+(deal|transaction|swap))"
    r"|[^;:|]{0,15}\b(minority|small|strategic) stake\b|\s*(a |an |its )?stake\b(?! of (5[1-9]|[6-9]\d|100))"
    r"|[^;:|]{0,20}(?<![\d.])\d(\.\d+)? ?(%|per ?cent|pc)(( [\w&.-]+){0,2} stake| in)\b)",
    re.IGNORECASE,
)
_AN_INVESTMENT_REASON = "buying shares or a small stake is an investment, not an acquisition"
# A trigger that names the stake itself: "picks up minority stake in".
_A_STAKE_TAKEN = re.compile(
    r"(picks up|takes?|took|buys|acquires?)\b(?=.*\bstake\b)" + _AN_INVESTMENT.pattern, re.IGNORECASE
)
# The company's name, then its deal: "Acme's $2.7 billion takeover", "Acme's deal for Beta".
_OWN_DEAL = re.compile(
    r"[^\s']+(\s+[^\s']+){0,4}?('s?|\u2019s?)\s+([\w$\u00a3\u20ac.,-]+\s+){0,3}"
    r"(takeover|acquisition|deal|merger|purchase|bid|buyout)\b",
    re.IGNORECASE,
)
# Results that only meet estimates, or a profit from a one-off, are not growth to congratulate.
_NOT_REAL_GROWTH = re.compile(
    r"\bin-line\b|\b(in line with|meets?|matches|matched)\b[^.;]{0,12}\b(estimates?|expectations|forecasts?|street)\b"
    r"|\b(one-time|one-off|exceptional|extraordinary)\b",
    re.IGNORECASE,
)
_WITH_BEFORE = re.compile(r"\bwith\s+(the\s+)?$", re.IGNORECASE)
# A connector and then another capitalised name just before a purchase: that name buys.
_ANOTHER_ACTOR = re.compile(
    r"\b(as|after|when|while|post|since)\s+(?:[A-Z][a-zA-Z&.'-]*\s+){1,3}$"
)
_INTERNAL = re.compile(
    r"\b(merge|merger|amalgamate|amalgamates|amalgamated|amalgamation)\b[^.;]{0,40}\b(with itself|subsidiaries|group (companies|firms|entities))",
    re.IGNORECASE,
)
_REPAIR_OR_SALE = re.compile(
    r"\bin (an? )?(arbitration|lawsuit|suit|case|dispute|damages|settlement)\b"
    r"|\bto (help )?(cut|reduce|repay|pare|trim|retire|refinance|lower) (its |the )?(debt|loans?|borrowings?)"
    r"|\bdebt (load|burden|pile)|\bfrom (\w+ ){0,3}(stake|share|asset|business|unit) sale"
    r"|\bvia (a )?(\w+ )?(stake|asset) sale|\bby selling\b[^.;]{0,30}\b(stakes?|assets?|projects?|units?|businesses|business|propert(y|ies)|land|holdings?)\b(?![^.;]{0,15}\b(via|through|in) (an? |its )?(ipo|public|offer))|\bdivest"
    r"|\b(govt|government)\b[^.;]{0,12}\b(raise|raises|raising|stake sale|disinvestment)",
    re.IGNORECASE,
)


def _subject_problem(
    text: str, kind: EventKind, match: re.Match[str], subject_at: int | None
) -> str | None:
    """None when the event is the company's own; a reason when it is someone else's; "" to keep
    looking for another trigger."""
    sold = re.match(r"(acquired|bought|taken over) by|sells?|sold", match.group(0))
    if kind is EventKind.ACQUISITION and sold:
        # "X acquired by Acme", "X sells unit to Acme": only the company named after is buying.
        if subject_at is not None and _SOLD_TO_COMPANY.search(text[:subject_at]):
            if _AN_INVESTMENT.match(match.group(0), sold.end()):
                return _AN_INVESTMENT_REASON  # "to sell 5 per cent stake in Beta to Acme"
            return None
        return "the company is being acquired, not buying" if "by" in match.group(0) else ""
    if _INTERNAL.search(text):
        return "a merger inside the group is a reorganisation, not news to congratulate"
    after = text[match.end() : match.end() + 70]
    if kind is EventKind.ACQUISITION and (
        _AN_INVESTMENT.match(after) or _A_STAKE_TAKEN.match(match.group(0))
    ):
        return _AN_INVESTMENT_REASON
    if kind is EventKind.FUNDING and _REPAIR_OR_SALE.search(
        text[max(0, match.start() - 40) : match.end() + 70]
    ):
        return "money raised to cut debt or by selling assets is not news to congratulate"
    if subject_at is None:
        return None
    if not _same_clause(text, subject_at, match.start()) and not _continues_subject(
        text, subject_at, match.start()
    ):
        return ""
    if kind is EventKind.ACQUISITION and _SOLD_TO_COMPANY.search(text[:subject_at]):
        return None
    if kind is EventKind.ACQUISITION and _OWN_DEAL.match(text, subject_at):
        return None  # "regulators clear Acme's takeover of Beta": Acme's deal
    if (
        kind is EventKind.ACQUISITION
        and subject_at < match.start()
        and _ANOTHER_ACTOR.search(text, subject_at, match.start())
    ):
        return ""  # "Acme rallies as Beta Capital buys stake": Beta Capital's doing
    if subject_at < match.start():
        if kind is EventKind.ACQUISITION and _BEING_BOUGHT.search(text):
            return "the company is being acquired, not buying"
        if kind is EventKind.NEW_ACCOUNT and _CHOOSING.match(match.group(0)):
            return ""  # the customer choosing a supplier ("Beta selects Acme"): not Beta's win
        return None
    if kind is EventKind.PARTNERSHIP:
        # partners are partners whichever is named first, but "Beta rallies on tie-up with
        # Acme" is told as Beta's news, Acme only its counterpart
        return "" if _WITH_BEFORE.search(text, 0, subject_at) else None
    # The name comes after the trigger: fine for nouns ("record profit for Acme") and for verbs
    # that make the company the chosen one ("Beta selects Acme"), not otherwise.
    before_name = text[:subject_at]
    if _CHOOSES_COMPANY.search(before_name):
        return None
    if kind is EventKind.ACQUISITION:
        return "the company is being acquired, not buying"
    if kind is EventKind.NEW_ACCOUNT:
        return ""  # "order for Acme", "replaces Beta as provider for Acme": Acme is the customer
    if re.match(r"\s*([\d%.,$-]+\s+){0,2}(for|of|at|by)\s", text[match.end() : subject_at] or " "):
        return None
    return ""


@dataclass(frozen=True)
class RulesReading:
    """The rules' reading, and the headline text they read with the company's name where it
    stands in that text (None when the headline does not name it), for the learned reading."""

    classification: Classification
    text: str
    position: int | None


def rules_reading(title: str, mention: Mention, summary: str = "") -> RulesReading:
    """What the rules say once we know how the company is mentioned (``mention.position``, if
    any, is where the name starts in ``title`` as given). The rules read the headline without
    press-release furniture (headline.strip_boilerplate: ticker tags, wire names, datelines), with
    the name's position moved to the same words in that text."""
    text, position = headline_to_read(title, mention.position)
    return RulesReading(_read_mentioned(text, position, title, mention, summary), text, position)


def _read_mentioned(
    text: str, position: int | None, title: str, mention: Mention, summary: str
) -> Classification:
    if mention.position is not None and (
        position is None
        or text[position : position + len(mention.name)]
        != title[mention.position : mention.position + len(mention.name)]
    ):
        # e.g. "Nasdaq" found only in "(NASDAQ: ACME)": a listing, not news about Nasdaq
        reason = "the headline names the company only in press-release furniture"
        return Classification(
            None, NEUTRAL, False, False, (mention.reason, reason), basis=Basis.NOT_ABOUT
        )
    title = text
    if mention.where == "summary" and not _starts_with(first_sentence_of(summary), mention.name):
        reading = read_headline(title, None)
        if reading.congratulable:
            return Classification(
                reading.kind, NEUTRAL, True, False,
                (mention.reason, "the headline's event belongs to someone else"), reading.trigger,
                Basis.ROLE,
            )  # fmt: skip
        return _with_reason(reading, mention.reason)
    if position is not None and (
        _ROLE_AFTER_NAME.match(title, position + len(mention.name))
        or _FORMER_BEFORE_NAME.search(title, 0, position)
    ):
        reading = read_headline(title, None)
        reason = "the event belongs to someone linked to the company, not to the company itself"
        return Classification(
            None, NEUTRAL, True, False, (mention.reason, reason), reading.trigger, Basis.ROLE
        )
    if position is not None:
        title = _masked(title, position, len(mention.name))
    reading = read_headline(title, position)
    return _with_reason(reading, mention.reason)


def headline_to_read(title: str, position: int | None = None) -> tuple[str, int | None]:
    """The headline as the rules read it: without press-release furniture, spaces collapsed;
    and where the character at ``position`` in ``title`` now stands (None when there is no
    position, or when that character was furniture)."""
    text, where = boilerplate_removed(title)
    if where is None and text.isprintable() and "  " not in text:
        return text, position  # no furniture, and single spaces only (the ends are stripped)
    plain = " ".join(text.split())
    if position is None:
        return plain, None
    if where is not None:
        try:
            position = where.index(position)
        except ValueError:
            return plain, None
    before = text[:position]
    # the words before it, and the one space that now separates them from it
    return plain, len(" ".join(before.split())) + (before[-1:].isspace() and bool(before.strip()))


def _masked(title: str, start: int, length: int) -> str:
    """The headline with the company's own name made unreadable to the rules, same length and
    spacing: "Drop Labs" or "Loss Prevention Inc" must not read as bad news about themselves."""
    name = title[start : start + length]
    if name.isascii():
        name = name.translate(_ASCII_MASK)
    else:
        name = "".join(ch if ch.isspace() else ("z" if ch.islower() else "Z") for ch in name)
    return title[:start] + name + title[start + length :]


_ASCII_MASK = {
    code: ("z" if chr(code).islower() else "Z")
    for code in range(128)
    if not chr(code).isspace()
}


def _with_reason(reading: Classification, reason: str) -> Classification:
    """The reading with how the company was found as its first reason (faster than replace)."""
    return replace(reading, reasons=(reason, *reading.reasons))


def _starts_with(text: str, name: str) -> bool:
    return text.casefold().startswith(name.casefold())

