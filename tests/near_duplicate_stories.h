// News-like bodies for the near-duplicate and copy-group tests: one agency story on a port
// strike in versions an outlet might publish (retyped, trimmed, extended), another agency's
// story on the same strike, and an unrelated story.
#pragma once

#include <string>

namespace newsdex::test::stories {

inline const std::string kStrikeP1 =
    "Dock workers at the port of Rotterdam walked off the job on Tuesday, halting container "
    "traffic at Europe's busiest harbour as talks over pay and automation collapsed late on Monday "
    "night after three weeks of negotiations.";
inline const std::string kStrikeP2 =
    "The union representing about four thousand crane operators and lashers said the stoppage "
    "would last forty-eight hours unless terminal operators returned to the table with a written "
    "guarantee that no jobs would be lost to remote-controlled cranes before the end of the decade.";
inline const std::string kStrikeP3 =
    "\"We have asked for very little and received even less,\" union negotiator Anja Müller told "
    "reporters outside the terminal gates, where several hundred workers gathered in the rain "
    "holding banners and handing out leaflets to passing lorry drivers.";
inline const std::string kStrikeP4 =
    "Shipping lines began diverting vessels to Antwerp and Hamburg within hours. Analysts said a "
    "prolonged dispute could add several days to delivery times for goods bound for Germany, "
    "Switzerland and the industrial regions along the Rhine.";
inline const std::string kStrikeP5 =
    "The employers' association called the strike irresponsible and said its offer of a six per "
    "cent rise over two years remained on the table. A spokesman declined to comment on the "
    "automation plans, saying they were a matter for individual terminal operators.";
inline const std::string kStrikeP6 =
    "Port authorities said emergency cargo, including medical supplies, would still be handled "
    "by a skeleton crew of volunteers drawn from the management staff of the three largest "
    "terminals, and that ferry services to Britain were not affected.";

inline const std::string kStrike =
    kStrikeP1 + "\n\n" + kStrikeP2 + "\n\n" + kStrikeP3 + "\n\n" + kStrikeP4 + "\n\n" + kStrikeP5;
inline const std::string kStrikeTrimmed = kStrikeP1 + "\n\n" + kStrikeP2 + "\n\n" + kStrikeP3 + "\n\n" + kStrikeP4;
inline const std::string kStrikeExtended = kStrike + "\n\n" + kStrikeP6;

// The same words as kStrike, retyped by another desk: capitals, typographic quotes and
// apostrophes, the accent dropped.
inline const std::string kStrikeRetyped =
    "DOCK WORKERS at the Port of Rotterdam walked off the job on Tuesday, halting container "
    "traffic at Europe\u2019s busiest harbour as talks over pay and automation collapsed late on Monday "
    "night after three weeks of negotiations.\n\n"
    "The union representing about four thousand crane operators and lashers said the stoppage "
    "would last forty-eight hours unless terminal operators returned to the table with a written "
    "guarantee that no jobs would be lost to remote-controlled cranes before the end of the decade.\n\n"
    "\u201cWe have asked for very little and received even less,\u201d union negotiator Anja Muller told "
    "reporters outside the terminal gates, where several hundred workers gathered in the rain "
    "holding banners and handing out leaflets to passing lorry drivers.\n\n"
    "Shipping lines began diverting vessels to Antwerp and Hamburg within hours. Analysts said a "
    "prolonged dispute could add several days to delivery times for goods bound for Germany, "
    "Switzerland and the industrial regions along the Rhine.\n\n"
    "The Employers\u2019 Association called the strike irresponsible and said its offer of a six per "
    "cent rise over two years remained on the table. A spokesman declined to comment on the "
    "automation plans, saying they were a matter for individual terminal operators.";

// Another agency on the same strike: the same names, places and figures, its own sentences.
inline const std::string kStrikeOtherStory =
    "Rotterdam's container terminals stood idle on Tuesday after crane drivers and lashers began a "
    "two-day strike, the first stoppage at the Dutch port in more than a decade.\n\n"
    "Negotiations between employers and the dockers' union broke down on Monday. Workers want "
    "assurances that automated cranes, which terminal companies plan to introduce over the coming "
    "years, will not cost them their jobs; employers have offered a pay increase of six per cent.\n\n"
    "Anja Müller, who leads the union's bargaining team, accused the companies of ignoring "
    "staff concerns. Several hundred strikers rallied at the gates despite heavy rain.\n\n"
    "Some carriers rerouted ships to Antwerp and Hamburg, and freight forwarders warned customers "
    "in Germany and Switzerland to expect delays of several days if the walkout is extended.";

inline const std::string kHarvest =
    "Farmers across the southern plains began the wheat harvest two weeks early this year after a "
    "dry, warm spring, and early yields were better than many had feared.\n\n"
    "Grain elevators reported steady deliveries through the weekend, with protein content slightly "
    "above last year's average, according to the regional growers' cooperative.\n\n"
    "Prices at the local exchange eased on the news, and traders said export demand from North "
    "Africa and South East Asia would decide the direction of the market for the rest of the summer.";

}  // namespace newsdex::test::stories
