"""The judge's rules as data: the words of each kind of good news, of hedges and questions, and
the clues to whose event a headline tells (the families of bad news are in bad_news.py).

Each is a regular expression, searched in the lower-cased headline (QUESTION_START and the
patterns after SHARE_MOVE: in the headline as written, ignoring case), with two additions that
syntax.py compiles: a word in braces, as in ``{launch}``, matches every form of that word and
only whole words (inflections.py, which benchmarks/make_inflections.py generates from this file),
and a gap kept within a sentence (``[^.;]``) may still cross the point of a decimal number.
rules.py applies them (tone and kind); subject.py and rules.py the clues around a trigger or a bad
word (whose news it is).
"""

from __future__ import annotations

from ..models import EventKind

# Speculation, reports, plans, offers and bids, negations: a trigger next to one is no event.
HEDGE = (
    r"\b(could|might|may|would|should|mulls?|consider(s|ing)?|weigh(s|ing)?|eyes|eyeing|in talks|(?:{rumour}|{rumor})"
    r"|reportedly|denies|denied|deny|(?:{speculate}|{speculation}|speculative)|unconfirmed|expects?|expected to|likely|poised"
    r"|set to (rise|jump|gain|grow|post|report|see|benefit|win|top|beat|surge|soar|double|rally|hit|climb|get|receive|land|bag|clinch)"
    r"|seen (up|down|higher|lower|rising|falling|growing|jumping|at|as|\d)|estimated to|projected to|possible|potential|pursue[sd]?|pursuing"
    r"|in (the )?(fray|race|running)|hopeful|looks? to|looking to|studies|studying|buzz(?!\s*[-:])|expansion plans?|plans (for|an?|its) expansion"
    r"|aims? to|hopes? to|seeks? to|targets?|in[- ]princip(le|al)|(?:{explore}|{exploration})"
    r"|bid for|offer for|offers? to (buy|acquire|take over)|(?:{approach})|sources say|said to|nears|nearing|near (a |an )?(deal|agreement|sale|settlement)|close to (a )?deal|in (\w+ )?talks|talks (to|with|on|over|about)"
    r"|(on|after|amid|following|per) (media )?reports?|(deal|merger|stake|buyout|takeover|sale) reports?|on hopes?|hopes? (of|on|for)"
    r"|to (gain|benefit) from|scope for|future (earnings|growth|profits?)|to be (an? )?(\w+ )?triggers?|reports say|according to (media )?reports?|in line for|tipped|(?:{shortlist})|(?:{nominate}|{nomination}|{nominee})|finalists?|bids?|vies|vying|competes? for|competing for"
    r"|wants? to|needs? to|has to|have to|seeks?|seeking|(?:{scramble})|(?:{prepare}|{preparation})|on (track|course)|forecast to"
    r"|analysts? (see|expect|say)|report:|(?:{upgrade})|price target|buy rating|overweight|outperform"
    # a broker's picks: "largecap ideas to buy", "top picks", "buy call on"
    r"|(stocks?|ideas?|picks?|bets?|scrips?|(large|mid|small)[- ]?caps?) to (buy|sell|accumulate|bet on)|top picks?|buy calls?"
    # a rights issue filed for is a step, offered to existing holders: no raise yet
    r"|(?:{file})(?= (\w+ ){0,3}(papers|documents|prospectus|offer document) for [^.;]{0,25}\brights issue\b)"
    # asking for an approval is not getting it: "files for FDA approval", "applies for a licence"
    r"|(?:{file}|{apply}|{submit}|{application}|{submission})(?= (\w+ ){0,4}(for|seeking) (\w+ ){0,3}(approvals?|nods?|clearances?|licen[cs]es?|patents?|designations?|permits?|authori[sz]ations?)\b)"
    r"|not|\w+n't|never|no longer|no (plans?|decision|deal|agreement)|without|fails? to|yet to|rejects?)\b"
)
# A headline that opens as a question.
QUESTION_START = r"^(will|could|can|should|is|are|does|do|did|has|have|why|how|what|who)\b"

# The verb "land" ("lands a deal"), not the noun ("on land parcel deal", "land bank sale").
LANDS = (
    r"lands?(?!\s+(parcels?|banks?|deals?|sales?|acquisitions?|assets?|allotments?|holdings?|titles?"
    r"|use|leases?|pooling|prices?|rates?|reforms?|laws?|rights|transfers?|purchases?|swaps?|plots?"
    r"|owners?)\b)"
)

# Checked in this order: the more specific kinds first.
KIND_RULES: tuple[tuple[EventKind, str], ...] = (
    (
        EventKind.ACQUISITION,
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
        r"|\b(deal|merger|takeover|acquisition|buyout)\b[^.;]{0,40}\b(approved|cleared|gets? (the )?([\w&'-]+,? ){0,3}?(nod|approval|clearance|green light)|secures?\b[^.;]{0,20}\bnod|clears? (a )?(big |major |key )?hurdle)\b",
    ),
    (
        EventKind.FUNDING,
        r"\b(raises?|raised|raising|"
        + LANDS
        + r"|bags?|secures?|closes?|receives?|wins?|gets?|attracts?)\b[^.;]{0,12}"
        r"(\$|\u20ac|\u00a3|\u00a5|\u20b9|rs\.? ?|usd |inr |eur |c\$|a\$)\s?\d(?![^.;]{0,40}\b(order|contract|deal|tender)s?\b)(?![\d,.]*[- ]?(crore|cr|lakh|million|mn|billion|bn|m)?\.?[- ](project|mandate|concession)s?\b)"
        r"|\braises? \d[\d.,]* ?(million|billion|mn|bn|crore|lakh)\b"
        r"|\bseries [a-f]\b|\bfunding\b|\bseed round\b|\bgoes public\b|\bfinancing\b|\bcapital raise\b"
        r"|\b((?:{launch})|opens?|files?( for| papers| draft)?|prices?|priced|completes?|plans? to (launch|float)|to (launch|float)|raises?)\b[^.;]{0,30}\b(ipo|initial public offering|public issue|public offer|rights issue|qip|fpo)\b"
        r"|\b(ipo|initial public offering|public issue|rights issue|qip|fpo|bond issue|ncd issue|bond sale|share sale|issue|bonds)\b[^.;]{0,25}\b(opens|to open|oversubscribed|over-subscribed|fully subscribed"
        r"|subscribed (\d+(\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|\w+-fold) times|gets? (sebi|regulatory|market|shareholders'?) (nod|approval))\b"
        r"|\b(to list|to be listed|lists|listed|listing)\b[^.;]{0,25}\b(shares|on (the )?(bse|nse|nasdaq|nyse|lse|stock exchange|bourses?|sme platform|aim|main board)|(at|with) (a )?(\d+(\.\d+)? ?(%|per ?cent|pc) )?(premium|gain))"
        r"|\b(lists|listed)\b[^.;]{0,25}\b\d+(\.\d+)? ?(%|per ?cent|pc) premium\b"
        r"|\b(makes?|make|made) (its |a )?(stock market |market |trading |bourse |exchange )debut\b"
        r"|\b(makes?|make|made) (its |a )?([\w-]+ )?debut\b(?=[^.;]{0,30}\b(bse|nse|bourses?|nasdaq|nyse|stock exchange|listing|ipo)\b)|\bdebuts? (on|at) (the )?(bse|nse|nasdaq|nyse|stock|bourses?|market|exchange)\b"
        r"|\b(raises?|raised|raising|garners?|mops? up)\b[^.;]{0,40}\b(via|through|by issuing|by selling|from)\b[^.;]{0,20}\b(bonds?|ncds?|debentures|qip|rights issue|ipo|preferential|placement|notes)\b"
        r"|\b(gets?|receives?) (funds|funding|investment)\b(?! (adviser|advisor|banking|management|manager|grade)\b)"
        r"|\b(growth investment|investment) (from|by|of)\b|\b(?:{pour})\b[^.;]{0,20}\binto\b|\bleads?\b[^.;]{0,25}\bround\b"
        r"|\bgrowth equity\b|\bloan from\b"
        r"|\b(receives?|wins?|won|awarded|secures?|gets?|lands?|bags?)\b[^.;]{0,30}\bgrants?\b"
        # investors' demand for an offering: "IPO sees robust demand", "bond issue a big hit"
        r"|\b(ipo|public issue|public offer|offering|bond issue|bond sale|ncd issue|ncds|qip|fpo|bonds?|float|issue)\b[^.]{0,40}"
        r"\b((robust|strong|overwhelming|spectacular|huge|big|good|record|solid|heavy|tremendous|bumper|massive|great) (demand|response|subscription|investor interest|interest)"
        r"|a (big |huge )?hit|draws? (big |strong |huge |good )?(investor )?(interest|demand|bids))\b"
        # what the listing values the company at: "IPO values bank at $17.9 billion"
        r"|\b(ipo|listing|float|offering)\b[^.;]{0,25}\b(?:{value})\b[^.;]{0,40}\bat\b"
        r"|\bvalued at\b[^.;]{0,40}\b(listing|ipo|float|debut)\b"
        # an issue of debt or shares made: "issues NCDs worth Rs 200 crore", "launches
        # infrastructure bonds", "allots shares worth Rs 400 cr to institutional investors"
        r"|\b(issues?|issued|issuing|(?:{launch})|(?:{announce})|allots?|allotted|comes? up with|floats?|floated)\b[^.;]{0,30}?"
        r"\b(bonds|ncds|debentures|public issue of|qip|shares (worth [^.;]{0,20})?to (institutional|qualified|anchor) investors)\b"
        # a listing the company says it plans: "plans Rs 350-cr public issue", "plans IPO in March"
        r"|\bplans?\b( for)?( (an?|its|another|the))?( rs\.)?([^.;]{0,20}?)? (ipo|public issue|initial public offer(ing)?|public offer)\b"
        # an offering on its way to investors: "IPO to hit market on Feb 21"
        r"|\b(ipo|public issue|fpo|offer|bond issue|ncd issue)\b[^.;]{0,30}\b(hits|to hit) (the )?(market|markets|d-street|dalal street|street)\b(?! (rout|turmoil|slump|crash|volatility|jitters|sell-?off)\b)",
    ),
    (
        EventKind.AWARD,
        r"\bawards?\b(?![^.;]{0,30}\b(contract|concession|tender|order|deal)s?\b)"
        r"|\bawarded\b(?![^.;]{0,40}\b(contract|concession|tender|order|deal)s?\b)|\bprizes?\b|\bhonou?r(s|ed)?\b|\brecogni[sz](ed|es)\b"
        r"|\bnamed (one of|to|a|an|the|among|best|top|most|winner)\b|\bnamed\b[^.;]{0,40}\bof the year\b"
        r"|\branked\b|\branks\b|\bbest places? to work\b|\btop employers?\b|\bcertifi(ed|cation)\b"
        r"|\baccolades?\b|\b(wins?|takes?|took|won)\b[^.;]{0,10}\b(gold|silver|bronze|the title)\b|\bcrowned\b"
        r"|\bvoted\b[^.;]{0,10}\b(best|top|most)\b|\bof the year\b|\beditors'? choice\b|\b(makes?|made|lands? on|named to)\b[^;|]{0,40}\b(list|ranking)\b|\b(earns?|wins?|takes?|claims?|secures?)\b[^.;]{0,15}\btop spot\b|\btops\b[^.;]{0,40}\b(ranking|rankings|list|survey|index|league table)\b"
        r"|\b(lands?|earns?|secures?|wins?|takes?)\b[^.;]{0,20}\b(spot|place)\b[^.;]{0,40}\blist\b"
        r"|\b(gets?|receives?|wins?|secures?|obtains?|bags?|earns?)\b[^.;]{0,25}\bcertific(ations?|ates?)\b"
        r"|\bmedals?\b|\btroph(y|ies)\b",
    ),
    (
        EventKind.NEW_ACCOUNT,
        r"\b(selected|chosen|picked|tapped|retained|hired|appointed) (by|as|to)\b"
        # a person named to a post is not an account won: "appointed as MD", "to the board"
        r"(?! (its |the |a |an )?(new |interim |acting |joint |deputy |independent |non-executive |executive )?(md|ceo|cfo|coo|cto|cmo|chairman|chairwoman|chairperson|chair|president|vice[- ]president|director|managing director|board|head|chief|officer|secretary|manager|member)\b)"
        r"|\bselects?\b|\bchooses\b|\bpicks\b|\btaps\b"
        r"|\b(wins?|won|"
        + LANDS
        + r"|landed|secures?|secured|signs?|signed|signing|winning|bagging|securing|landing|inks?|inked|books?|bags?|bagged|gets?|receives?"
        r"|strikes?|struck|(?:{clinch}))\b[^.;]{0,40}\b(?<!licensing )(?<!licence )(?<!license )(deal|order|account|customer|client|agreement|bid|tender|mandate"
        r"|charter|concession|contract)s?\b"
        r"|\b(loses?|lost)\b[^.;]{0,40}\b(contract|deal|order|account|client|customer|tender|bid)s?\b[^.;]{0,10}\bto\b"
        r"|\b(contract|account|order|(coal|oil|gas|mining|exploration) block) wins?\b"
        # a share move's cause: "rallies on SAP contract", "surges 16% on UAE export order"; not
        # an authority's order ("on Sebi audit order", "on regulatory order")
        r"|\b(rall(y|ies|ied)|surge[sd]?|jump(s|ed)?|gain(s|ed)?|soar(s|ed)?|zoom(s|ed)?|climb(s|ed)?|up"
        r"|rise[sd]?|spurts?|advances?|higher|high)\b[^.;]{0,25}?"
        r"\b(on|after|post)\s+((a|an|the|its|fresh|new|big|major|maiden)\s+)?([\w$.,&-]+\s+){0,3}?"
        r"(?<!court )(?<!regulatory )(?<!audit )(?<!government )(?<!govt )(?<!tribunal )(?<!tax )"
        r"(?<!stay )(?<!interim )(?<!ministry )(?<!sebi )(?<!rbi )(?<!cci )(?<!sat )(?<!legal )"
        r"(order|contract)s?\b(?!\s+(book|inflow|backlog|screen|cancell\w*|loss|termination|delay)s?\b)"
        r"|\b(wins?|won|bags?|bagged|secures?|secured)\b[^.;]{0,25}\b((coal|oil|gas|mining|exploration) blocks?|(coal |iron ore |limestone |bauxite )?mines?)\b"
        r"|\bawarded\b[^.;]{0,40}\b(contract|concession|tender|order|deal)s?\b"
        r"|\b(wins?|won|winning|secures?|bags?|"
        + LANDS
        + r")\b[^.;]{0,30}\b(engagement|outsourcing|project|mandate)s?\b"
        r"|\bawards?\b[^.;]{0,30}\b(contract|concession|tender|order|deal)s?\b"
        r"|(\b(rs\.?|inr|usd|eur)|\$|\u00a3|\u20ac|\u20b9)\s?[\d,.]+[- ]?(crore|cr|million|mn|billion|bn|lakh|m)?\b[^.;]{0,25}\b(order|contract)s?\b"
        r"|\border (from|worth|for|of|valued)\b|\borders? worth\b|\border wins?\b|\borders?\b[^.;]{0,30}\bfrom\b"
        r"|\bto supply\b|\badds?\b[^.;]{0,30}\bas (customers?|clients?)\b|\breplaces?\b[^.;]{0,30}\bas\b[^.;]{0,20}\b(provider|supplier|partner|vendor)\b",
    ),
    (
        EventKind.PARTNERSHIP,
        r"\bpartner(ship|ships|ed|ing)\b|\bpartners? (with|on|to)\b|\b(strategic|technology|official|exclusive|distribution) partner\b|\bjoins?\b[^.;]{0,40}\bpartner\b|\bteams? (up|with)\b|\bjoins? forces\b|\b(?:{collaborate}|{collaboration}|collaborative)|\balliance\b"
        r"|\bjoint venture\b|\bpacts?\b|\b(?:{co-develop})|\b(?:{codevelop})|\btie-?ups?\b|\bties? up\b"
        r"|\b(mou|memorandum of understanding|memo of understanding)\b|\bforms? (a )?(new )?(jv|joint venture)\b"
        r"|\b(sets? up|establish(es|ed|ment of)?|creates?|floats?)\b[^.;]{0,20}\b(jv|joint venture)\b|\b\d+:\d+ jv\b"
        r"|\b(signs?|signed|inks?|inked|strikes?|struck|seals?|sealed|closes?|closed|clinch\w*|agrees?|agreed)\b[^.;]{0,30}\b(deal|agreement|pact)\b[^.;]{0,30}\bwith\b"
        # a licensing deal shares rights both ways: a partnership, not a customer won
        r"|\b(licensing|licence|license)\s+(deal|agreement|pact)s?\b",
    ),
    (
        EventKind.GROWTH,
        r"\brecord\b[\w\s-]{0,25}\b(revenue|sales|profit|earnings|results|quarter|year|growth|orders|bookings"
        r"|occupancy|passengers|volumes?|deliveries|subscribers|users|customers|traffic|production|output)\b"
        r"|\b(carries|serves|ships|sells|delivers)\b[^.;]{0,5}\ba record\b"
        r"|\b(net profit|profit|profits|pat|revenue|revenues|sales|earnings|income|ebitda|turnover|deliveries|bookings|backlog|order ?book|order inflows?)\b"
        r"[^.;]{0,25}\b(rise|rises|rose|risen|jump|jumps|jumped|grow|grows|grew|climb|climbs|climbed|soar|soars|soared"
        r"|surge|surges|surged|up|increase|increases|increased|gain|gains|double|doubles|doubled|zoom|zooms|improve|improves|improved|higher"
        r"|crosses|passes|tops|shoots?|skyrockets?|leaps?)\b"
        r"|\b(sales|revenue|profit|earnings|income|turnover|pat) growth\b|\bmargins? (?:{expand}|{widen}|{improve})\b"
        r"|\bnet\b(?! (debt|loss|losses|outflows?|{sell}|{selloff}|short))[^.;]{0,15}\b(up|rises?|rose|jumps?|jumped|grows?|grew|climbs?|soars?|surges?|doubles?|increases?|zooms?|shoots?)\b"
        r"|\b(jump|rise|increase|surge|growth|gain)s? in\b[^.;]{0,25}\b(net|profits?|revenues?|sales|earnings|income|pat|turnover)\b"
        # "swings to profit"
        r"|\b(swings?|swung)( back)? (in)?to (a )?(net )?(profit|black)\b"
        r"|\b(best|highest)(-ever)?\b[^.;]{0,15}\b(figures|results|quarter|profit|sales|revenue|earnings)\b"
        r"|\b(sales|profits?|revenues?|earnings)\b[^.;]{0,10}\b(recover|recovers|recovered|rebound|rebounds|rebounded|bounces? back|bounced back)\b"
        r"|\b(passengers?|traffic|volumes?|footfall|subscribers|users|customers|orders|bookings|deliveries)\b[^.;]{0,15}\b(rise|rises|rose|jump|jumps|jumped|up|grow|grows|grew|increase|increases|increased|surge|surges|surged|climb|climbs|climbed|soar|soars|soared)\b"
        # a verb of posting, then a profit, "25% growth" or "higher Q2 net" ("to post ..." is a
        # forecast: rules.py reads the verb's "to"); one branch, as the regex engine tries each
        # branch at each position of the headline
        r"|\b(posts?|posted|reports?|reported|records?|recorded|registers?|registered|clocks?|logs?|books?|rings? up|rang up)\b"
        r"([^.;]{0,30}\b(net profit|profits?|pat|net income)\b|[^.;]{0,10}\d+(\.\d+)? ?(%|per ?cent|pc) growth\b"
        r"|\s+(a\s+)?higher\s+((q[1-4]|h[12]|fy\d*|quarterly|annual|first-half|half-year|[\w-]+-quarter)\s+)?"
        r"(net|profits?|revenues?|sales|earnings|pat)\b)"
        r"|\b(net profit|pat|profit|net)\b[^.;]{0,12}\b(at|of|stands at)\s*(rs\.?|\$|\u00a3|\u20ac|\u20b9|inr|usd)\s?\d"
        r"|\b(robust|bumper|solid|healthy|stellar|blowout|stunning|impressive|upbeat|better[- ]than[- ]expected)\b[^.;]{0,15}\b(?<!trial )(?<!study )(results|quarter|numbers|sales|growth|earnings|performance|show|figures|profits?)\b"
        r"|\bpositive\b[^.;]{0,15}\b(?<!trial )(?<!study )(results|numbers|earnings|show)\b"
        # milder words count as the cause of a move: "jumps 12% on good results", "post smart Q2 show"
        r"|\b(on|after|post|following) (the |its )?(good|smart|excellent|encouraging)\b[^.;]{0,12}\b(results|quarter|numbers|earnings|show|performance)\b"
        r"|\bback in (the )?(profit|black)\b|\bturns? (to )?(a )?(profit|profitability)\b|\breturns? to (profit|profitability|growth)\b"
        r"|\bposts? (a |an )?(net )?profit\b|\b(two|three|four|five|six|seven|eight|nine|ten|\d+)-fold (jump|rise|increase|growth)\b"
        r"|\b(rise|jump|increase|growth|surge|gain)s? in (full-year |annual |quarterly |first-half |half-year |underlying )?(revenue|sales|profit|earnings|income)\b"
        r"|\b(revenue|revenues|sales|profit|profits|earnings|income)\b[^.;]{0,6}\b(lifted|boosted|buoyed|driven up)\b"
        r"|\b(lifts?|boosts?|delivers?)\b[^.;]{0,12}\b(revenue|sales|profit|earnings|income)\b"
        r"|\bstrong(est)?\b[^.;]{0,15}\b(?<!trial )(?<!study )(results|quarter|numbers|sales|growth|earnings|performance|demand|year|show)\b"
        r"|\b(beats?|beating|tops?|exceeds?|surpass(es)?|outpaces?)\b[^.;]{0,25}\b(estimates?|expectations|forecasts?|guidance|consensus|street)\b"
        r"|\bbeats? in (earnings|results|profits?)\b"
        r"|\b(above|ahead of|better than)\b[^.;]{0,10}\b(estimates|expectations|forecasts?|consensus)\b"
        r"|\b(profit|earnings|revenue|sales|results|q[1-4]) beats?\b|\bbest-ever\b"
        r"|\b(surpass(es)?|passes|reaches|hits|tops|crosses|grows past|exceeds)\b[^.;]{0,25}\d[\d,.]*\s*(million|billion|m|k)?\s*"
        r"(paying )?(users|customers|subscribers|members|downloads|enterprises|clients|accounts|passengers)\b"
        r"|\badds?\b[^.;]{0,20}\d[\d,.]*\s*(million|billion|m|k)?\s*(new )?(users|customers|subscribers|members|clients|accounts)\b"
        r"|\b(customer|user|subscriber) (count|base) (grows|tops|passes|crosses|surpasses)\b|\bannual recurring revenue\b",
    ),
    (
        EventKind.MILESTONE,
        r"\banniversary\b|\b(?:{celebrate}|{celebration})|\bmilestone\b|\b(marks?|turns?|completes?|celebrat\w+)\b[^.;]{0,8}\b\d+ years\b"
        r"|\b\d+(st|nd|rd|th) (years?|birthday)\b|\b\d+ years (of|in business|since)\b"
        r"|\ba century\b|\bcenturies of\b|\bcentury-old\b|\bcentenary\b|\bcentennial\b|\bfirst[- ]ever\b"
        r"|\b(millionth|billionth|thousandth|hundredth)\b|\b(world's|industry's|nation's|country's|state's|region's) first\b"
        r"|\b(industry|world) first\b|\bfirst in (the )?(industry|world)\b|\bfirst-of-its-kind\b"
        r"|\b(completes?|performs?|pours?|doses?|makes?|takes? delivery of|launches|delivers?|flies|opens|completion of)\b[^.;]{0,12}\b(its |the |a )?first\b"
        r"|\b(strikes?|struck|finds?|found) (oil|gas)\b|\b(oil|gas) (discovery|discoveries|find)\b"
        # a drug's trial going well: "strong trial results", "sails through trial"
        r"|\b(strong|positive|encouraging|successful|good)\b[^.;]{0,15}\b(trial|study|clinical) (results|data)\b"
        r"|\btrial success\b|\bsails? through\b[^.;]{0,10}\btrials?\b|\bclears? (\w+ ){0,2}(trials?|tests)\b"
        r"|\b(gets?|receives?|wins?|secures?|obtains?|bags?|earns?)\b[^.;]{0,25}\b(approval|nod|clearance|licen[cs]e|patent)s?\b(?![^.;]{0,8}\b(for|to) (sell|selling|divest|divesting|exit|exiting)\b)"
        # "wins patent case": a legal win, which is no news to congratulate
        r"(?!\s+(case|suit|lawsuit|dispute|battle|fight|infringement|war|row|challenge|trial|appeal|ruling|verdict)s?\b)"
        r"|\b(fda|usfda|ema|regulators?)\b[^.;]{0,15}\b(approves|approval|nod|clears)\b"
        r"|\b(approved|cleared) (by|in)\b|\bbacks? approval\b|\bgreen light\b|\borphan[- ]drug\b|\bfast[- ]track (status|designation)\b|\bbreakthrough therapy\b"
        r"|\btops out\b|\bsets? (a |new )?records?\b(?! date)|\bbreaks?\b[^.;]{0,20}\brecords?\b|\bbecomes? (the )?first\b"
        # a ranking it made; a stock index taking it in is market news (judged/README.md)
        r"|\b(joins?|added to|enters?|makes?|made)\b[^.;]{0,15}\b(fortune|global|inc\.?) (500|1000|5000)\b",
    ),
    (
        EventKind.GROWTH,  # "Q3 up 20%": tried only after the milestone rule above
        r"\b(q[1-4]|quarter|qtr)\b[^.;]{0,4}\b(up|jumps?|rises?|grows?|soars?|surges?|climbs?|increases?|zooms?|shoots?)\b[^.;]{0,15}\d",
    ),
    (
        EventKind.MILESTONE,
        r"\b(\d{3,}|\d{1,3}(,\d{3})+)(st|nd|rd|th)\b",
    ),
    (
        EventKind.EXPANSION,
        r"\bexpand(?<!margins expand)(?<!margin expand)(s|ed|ing)?\b|\bexpansion\b(?! (plans?|buzz|hopes|talk))"
        r"|\bsets? up (shop|base|operations|(an? |its |new )*(office|plant|unit|subsidiary|factory|facility))\b"
        r"|\bforms? (a )?(new )?(subsidiary|unit)\b"
        r"|\bnew\b[^.;]{0,20}\b(office|headquarters|hq|plant|facility|campus|hub|factory|mill|mine|studios?|warehouse|routes?|site|centre|center)s?\b"
        r"|\bopens?\b[^.;]{0,40}\b(office|plant|facility|headquarters|hub|campus|factory|site|mill|mine|warehouse|centre|center)s?\b"
        r"|\bhiring\b(?! (of )?(a |an |the |new |top |senior )?(executives?|ceo|cfo|chief|head|chairman|directors?|president|managers?)\b)"
        r"|\bto hire\b(?! (a |an |the |new |top |senior )?(executives?|ceo|cfo|chief|head|chairman|directors?|president|managers?)\b)|\bhires? \d|\b(double|triple)s? (its )?(headcount|workforce|staff)\b"
        r"|\b(adds?|adding|creates?|creating|brings?)\b[^.;]{0,20}\b\d[\d,]* (new )?(tech )?(jobs|routes|stores|locations)\b"
        r"|\benters?\b[^.;]{0,30}\bmarkets?\b|\bbreaks? ground\b|\b(?:{build})\b[^.;]{0,30}\b(plant|factory|mill|site|facility|mine|hub|campus|warehouse|centre|center)\b"
        r"|\bmoves? into (a )?(larger|bigger|new)\b|\bcommissions?\b[^.;]{0,15}\bnew\b|\b(?:{establish})\b[^.;]{0,20}\b(headquarters|hq|office|hub|presence)\b"
        r"|\bextends?\b[^.;]{0,20}\bnetwork\b|\bfires up\b|\bcuts? (the )?ribbon\b",
    ),
    (
        EventKind.LAUNCH,
        r"\b(?:{launch})\b(?![^.;]{0,20}\b(refinancing|buyback|buy-back|probe|investigation|review|appeal|lawsuit|legal|bid|offer|share sale|stake sale|bond|bonds)\b)|\b(?:{unveil})\b(?! (its |a |new )?(plans?|proposals?|strategy|roadmap|blueprint)\b)|\bintroduc(es|ed|ing)\b|\brebrands?\b|\bdebuts?\b(?! (trade|trading|listing))|\brolls? out\b"
        r"|\breleases?\b(?!(\s+(its|the|full-year|annual|quarterly|interim|first-half|half-year|q[1-4]|fy\d*|\w+-quarter))*\s+(results|earnings|figures|data|numbers|statement|report|date)\b)|\bnew (product|service|feature|app|platform|line|model)\b"
        r"|\bopens?\b(?! up)[^.;]{0,40}\b(store|restaurant|shop|showroom|lab|studio|doors|registration|caf\u00e9|cafe|clinic"
        r"|pre-?orders?|beta|waitlist|park|museum|school|hospital|branch|outlet)s?\b|\bswitch(es)? on\b|\bnow available\b|\bmeet the\b",
    ),
)

# Only the share price moved: not an event to congratulate.
SHARE_MOVE = (
    r"\b(shares?|stocks?|scrip|stock price|market (value|cap|capitali[sz]ation))\b[^.;]{0,30}\b(rise|rises|rose|jump|jumps|jumped"
    r"|soar|soars|soared|gain|gains|gained|rall(y|ies|ied)|climb|climbs|climbed|surge|surges|surged|up|higher"
    r"|hits?|record high|high|spurt|zoom|zooms|advance|advances)\b"
    r"|\b(record|all-time|52-week) high\b|\bhits? (a )?(record|new high)\b"
)

# A person named to a post: a trigger inside the post's title is no event ("appoints Jane Doe as
# head of debt financing", "names John Roe chief partnership officer"); rules.py.
APPOINTED = (
    r"\b((?:{appoint})|names|named|(?:{elevate})|(?:{promote})|ropes? in|roped in|(?:{induct})"
    r"|hires?|hired|joins?|joined)\b"
)
# ... searched in the words just before the trigger, and just after it.
TITLE_BEFORE = (
    r"\b(head|chief|director|president|vice[- ]president|vp|manager|officer|lead|leader|in-charge)"
    r"\s*(,|of|for|-)\s+([\w&-]+\s+){0,3}$"
)
TITLE_AFTER = r"(\s+[\w&-]+){0,2}?\s+(head|chief|officer|director|manager|lead|leader|president)\b"
# ... or inside the trigger: "appoints V Sembian as new head of Chennai factory".
TITLE_INSIDE = r"\b(head|chief|director|president|manager|officer|in-charge)\s+(of|for)\b"

# Around a bad word: what makes it no trouble of the company's own (rules.py).

# "to fight ransomware", "against fraud": the bad thing is what the company works against.
PREVENTS = (
    r"\b((?:{fight})|(?:{combat})|(?:{tackle})|(?:{prevent}|{prevention})|against|(?:{stop})|(?:{detect}|{detection})|(?:{protect}|{protection})|(?:{counter})|(?:{defend})"
    r"|flags?|spots?)\s+(\w+\s+){0,2}$"
)
# "from insolvent rival", "struggling competitor": the bad news is someone else's.
OF_ANOTHER = r"\s+(\w+\s+)?(rivals?|competitors?|peers?)\b"

# Around a trigger: whose news it is, the company's or someone else's (subject.py).

# Verbs with the company as their object in a good sense: "Beta selects Acme for ...".
CHOOSES_COMPANY = (
    r"\b(selects?|selected|chooses|chose|picks?|picked|taps|tapped|hires|hired|awards?|awarded|names|named"
    r"|approves|approved|clears|cleared|honou?rs|honou?red|recogni[sz]es|ranks|teams? with"
    r"|appoints|appointed|engages|engaged|partners? with|teams? up with|joins forces with|signs? (with)?|loses? [^.]{0,40}\bto"
    # the customer orders from the company: "Beta places order for 50 jets with Acme"
    r"|(places?|placed|placing)\b[^.;]{0,60}\b(with|from)|(orders|ordered)\s+(\d|an?\s|more\s|new\s)[^.;]{0,60}\bfrom)\s+$"
)
# Legal verbs with the company as the one acting ("sued" only with an object: "Acme sued over
# fires" and "Acme sued by shareholders" are Acme being sued): "Acme sues Beta" is not trouble for Acme.
ACTS_LEGALLY = (
    r"\b(sues|(?<!gets )(?<!got )(?<!was )(?<!is )(?<!been )(?<!being )(?<!be )sued(?!\s+(by|over|for|in|after|amid|on|as|from|following|and)\b|\s*[,;:])"
    r"|files? (a )?(suit|lawsuit|complaint)|takes? [^.]{0,20} to court|accuses"
    r"|(?:{launch}) (a )?legal|appeals)\b"
)
BEING_BOUGHT = r"\b(acquired|bought|taken over) by\b"
# The company named after these is the buyer: "acquired by Acme", "sells its unit to Acme".
SOLD_TO_COMPANY = (
    r"\b((acquired|bought|taken over) by|sells?\b[^.;]{0,60}\bto|sold\b[^.;]{0,60}\bto)\s+$"
)
