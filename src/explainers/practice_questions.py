"""Each chapter's practice questions (:mod:`explainers.practice`), their answers from the package.

A question's answer is computed here when the book is built, by the function that computes the
chapter's own figures; a section's title and anchor name the part of the chapter that explains it
(the tests check both against the chapter's source and the built page).
"""

from __future__ import annotations

import math

from explainers import (
    audits,
    butterfly,
    colorado,
    contests,
    contingent,
    electoral,
    faithless,
    florida,
    georgia,
    margins,
    recounts,
)
from explainers.practice import Question, register

__all__: list[str] = []

#: The answer to a choice question when the outcome changes with the rule applied.
DEPENDS = "It depends on the standard"


@register("margins")
def _margins() -> list[Question]:
    fl, wi = contests.contest(2000, "FL"), contests.contest(2016, "WI")
    closest_2020 = contests.contest_by_rank(2020, 1)
    near_2020 = [contests.contest_by_rank(2020, rank).state.title() for rank in (1, 2, 3)]
    switch = margins.voters_to_switch(wi.margin)
    return [
        Question(
            "margins-fl-share",
            "Florida's certified margin in 2000 was a share of all the votes cast for president "
            "there. What share, in percent, to three decimals?",
            "number",
            round(fl.margin_pct, 3),
            "A margin, measured three ways",
            "a-margin-measured-three-ways",
            f"{fl.margin:,} ÷ {fl.total_votes:,} × 100 = {fl.margin_pct:.3f}%.",
            tolerance=0.0005,
            percent=True,
        ),
        Question(
            "margins-wi-switch",
            "How many Wisconsin voters, at the least, would have had to switch from Trump to "
            "Clinton in 2016 to reverse the state's result?",
            "number",
            switch,
            "Switching voters versus adding votes",
            "switching-voters-versus-adding-votes",
            f"Half the margin of {wi.margin:,}, rounded down, plus one: {switch:,} voters.",
            units=("voters", "votes"),
        ),
        Question(
            "margins-closest-2020",
            "Which state's contest was the closest of 2020, as a share of the votes cast?",
            "choice",
            closest_2020.state.title(),
            "The close calls since 2016",
            "the-close-calls-since-2016",
            f"{closest_2020.state.title()}: {closest_2020.margin:,} votes, "
            f"{closest_2020.margin_pct:.2f}% of the votes cast.",
            choices=tuple(sorted([*near_2020, "Pennsylvania"])),
        ),
        Question(
            "margins-wi-rank-2016",
            "Measured as a share of the votes cast, how many of 2016's 51 state contests (the "
            "District of Columbia counts as one) were closer than Wisconsin's?",
            "number",
            wi.closeness_rank - 1,
            "How close, against every contest of the same year",
            "how-close-against-every-contest-of-the-same-year",
            f"Ranked by margin as a share of the votes cast, Wisconsin's {wi.margin_pct:.2f}% "
            f"comes at number {wi.closeness_rank} of the year's 51 contests, so "
            f"{wi.closeness_rank - 1} were closer.",
            units=("contests", "states"),
        ),
    ]


@register("florida")
def _florida() -> list[Question]:
    first, certified = florida.first_count_lead(), florida.certified_lead()
    shift = florida.shift_to_certification()
    reviews = florida.review_outcomes()
    norc_all = reviews[
        (reviews["review"] == "norc") & (reviews["ballots"] == "all rejected ballots statewide")
    ]
    leaders = set(norc_all["leader"])
    all_ballots = f"{leaders.pop()}, under every standard" if len(leaders) == 1 else DEPENDS
    palm = butterfly.fit("bush")
    return [
        Question(
            "florida-shift",
            "By how many votes did Bush's lead in Florida shrink between the first count and "
            "certification?",
            "number",
            shift,
            "The count, as it moved",
            "the-count-as-it-moved",
            f"{first:,} − {certified:,} = {shift:,} votes.",
            units=("votes",),
        ),
        Question(
            "florida-norc-all-ballots",
            "The media consortium's review (NORC) also counted every rejected ballot statewide, "
            "under several standards of what counts as a vote. Who would have led?",
            "choice",
            all_ballots,
            "What counting the rejected ballots would have shown",
            "what-counting-the-rejected-ballots-would-have-shown",
            f"{all_ballots}: the NORC rows for all rejected ballots statewide give "
            + "; ".join(f"{r.standard}: {r.leader} by {r.margin}" for r in norc_all.itertuples())
            + ".",
            choices=("Bush, under every standard", "Gore, under every standard", DEPENDS),
        ),
        Question(
            "florida-butterfly-times",
            "A line fitted to the other Florida counties predicts Buchanan's vote in Palm Beach "
            "from Bush's vote there. Buchanan's actual vote was how many times that prediction? "
            "(One decimal.)",
            "number",
            round(palm.actual / palm.predicted, 1),
            "The butterfly ballot: a claim checked with data",
            "the-butterfly-ballot-a-claim-checked-with-data",
            f"{palm.actual:,} ÷ {palm.predicted:,.0f} = {palm.actual / palm.predicted:.1f} times.",
            tolerance=0.05,
            units=("times",),
        ),
    ]


@register("audits")
def _audits() -> list[Question]:
    wi = contests.contest(2016, "WI")
    size = audits.audit_sizes(wi, 0.10)
    mu = 100 * size.diluted_margin
    change = recounts.wisconsin_2016_recount()
    return [
        Question(
            "audits-wi-recount-change",
            "Wisconsin recounted every presidential ballot in December 2016. By how many votes did "
            "Trump's lead change?",
            "number",
            change.margin_change,
            "The 2016 requests and what became of them",
            "the-2016-requests-and-what-became-of-them",
            f"{change.margin_recount:,} after the recount − {change.margin_canvass:,} at the "
            f"canvass = {change.margin_change:+,} votes.",
            units=("votes",),
        ),
        Question(
            "audits-wi-diluted",
            "What was Wisconsin's diluted margin in 2016, in percent, to two decimals?",
            "number",
            round(mu, 2),
            "How many ballots does each method need?",
            "how-many-ballots-does-each-method-need",
            f"{wi.margin:,} ÷ {wi.total_votes:,} × 100 = {mu:.2f}%.",
            tolerance=0.005,
            percent=True,
        ),
        Question(
            "audits-wi-comparison",
            "At a 10% risk limit, how many ballots would a comparison audit of Wisconsin 2016 "
            "expect to examine if it found no discrepancy? (Answers within five ballots count: "
            "rounding the margin moves the result a little.)",
            "number",
            size.comparison,
            "How many ballots does each method need?",
            "how-many-ballots-does-each-method-need",
            f"2 × γ × ln(1/α) ÷ diluted margin, with γ the safety factor {audits.GAMMA} "
            f"and α the risk limit: 2 × {audits.GAMMA} × ln(10) ÷ "
            f"{size.diluted_margin:.6f} = {2 * audits.GAMMA * math.log(10) / size.diluted_margin:.1f}"
            f", rounded up: {size.comparison:,} ballots.",
            tolerance=5,
        ),
    ]


@register("real_audits")
def _real_audits() -> list[Question]:
    pres = colorado.presidential()
    counts = georgia.counts()
    drop = -int(counts.loc["Margin", "change"])
    summary = colorado.audit_summary()
    ga_counties = georgia.county_summary()
    return [
        Question(
            "real-audits-co-presidential",
            f"Colorado's presidential contest had a diluted margin of {100 * pres.diluted_margin:.2f}%. "
            f"At the state's {100 * pres.risk_limit:g}% risk limit, how many ballot cards does the "
            "comparison-audit formula say to examine, if no discrepancy is found? (The state's "
            "software estimated the same number; its audit boards then examined a few more.)",
            "number",
            pres.sample,
            "The presidential contest",
            "the-presidential-contest",
            f"2 × γ × ln(1/α) ÷ diluted margin, with γ the safety factor {audits.GAMMA} "
            f"and α the risk limit: 2 × {audits.GAMMA} × "
            f"ln(1/{pres.risk_limit:g}) ÷ {pres.diluted_margin:.4f} = "
            f"{2 * audits.GAMMA * math.log(1 / pres.risk_limit) / pres.diluted_margin:.1f}, rounded "
            f"up: {pres.sample} cards.",
        ),
        Question(
            "real-audits-ga-change",
            "By how many votes was Biden's lead in Georgia's hand count smaller than in the machine "
            "count it checked?",
            "number",
            drop,
            "The lead, as it moved",
            "the-lead-as-it-moved",
            f"{int(counts.loc['Margin', 'machine']):,} − {int(counts.loc['Margin', 'hand']):,} = "
            f"{drop:,} votes.",
            units=("votes",),
        ),
        Question(
            "real-audits-co-targeted-met",
            f"Colorado targeted {summary.targeted} contests in 2024. By the end of the audit's "
            "third round, how many of them were confirmed (the risk limit met)?",
            "number",
            summary.targeted_met,
            "The contests the state targeted",
            "the-contests-the-state-targeted",
            f"{summary.targeted_met} of the {summary.targeted}: count the targeted contests whose "
            "status after the third round is that the risk limit was achieved.",
            units=("contests",),
        ),
        Question(
            "real-audits-ga-unchanged",
            f"In how many of Georgia's {ga_counties.counties} counties did the hand count's total "
            "for the three candidates equal the certified results exactly?",
            "number",
            ga_counties.unchanged,
            "What the hand count found",
            "what-the-hand-count-found",
            f"{ga_counties.unchanged} counties: those whose difference, audit minus official, is "
            "zero.",
            units=("counties",),
        ),
    ]


@register("electoral")
def _electoral() -> list[Question]:
    needed = faithless.defections_needed(2016)
    pledged = int(electoral.pledged_electoral_votes(2016).iloc[0])
    house = contingent.house_vote(2016)
    states = house.republican_states + house.democratic_states + house.no_majority_states
    history = faithless.faithless_by_year().set_index("year")
    faithless16, voided16 = (int(history.loc[2016, c]) for c in ("faithless", "voided"))
    return [
        Question(
            "electoral-defections-2016",
            "How many of Trump's pledged electors in 2016 would have had to vote for someone else "
            "to deny him a majority of the electoral votes?",
            "number",
            needed,
            "Faithless electors",
            "faithless-electors",
            f"He had {pledged} pledged electors; with {pledged} − {needed} = {pledged - needed} "
            f"he would have fallen one short of {electoral.MAJORITY}.",
            units=("electors",),
        ),
        Question(
            "electoral-faithless-2016",
            "In 2016, how many electors broke their pledge (for president or vice-president) in a "
            f"vote that Congress counted? (Leave out the {voided16} whose votes their states "
            "voided or ruled out of order.)",
            "number",
            faithless16,
            "Faithless electors",
            "faithless-electors",
            f"{faithless16} electors. {voided16} more tried, but their states voided their votes "
            "or ruled them out of order, so they do not count.",
            units=("electors",),
        ),
        Question(
            "electoral-house-states",
            "If no candidate wins a majority of the electoral votes, the House chooses, each "
            "state's delegation casting one vote. How many state delegations must a candidate "
            "win?",
            "number",
            house.states_needed,
            "If no one has a majority",
            "if-no-one-has-a-majority",
            f"A majority of the {states} states: {house.states_needed}.",
            units=("states", "delegations"),
        ),
    ]


@register("claims")
def _claims() -> list[Question]:
    from explainers import claims

    dre = claims.equipment_count("DRE")
    naive = claims.naive_comparison("county")
    dre_mean, other_mean = naive["mean_clinton_pct"]
    gap = round(other_mean - dre_mean, 1)
    return [
        Question(
            "claims-dre-count",
            "How many Wisconsin municipalities listed a DRE touchscreen among their accessible "
            "voting equipment in 2016?",
            "number",
            dre,
            "Step 1: who voted on what",
            "step-1-who-voted-on-what",
            f"{dre:,} municipalities: count the rows of the Commission's list whose accessible "
            "equipment is a DRE touchscreen.",
            units=("municipalities",),
        ),
        Question(
            "claims-naive-gap",
            "In the naive county comparison, by how many percentage points was Clinton's share "
            "in the average DRE county below her share in the average other county? (One "
            "decimal.)",
            "number",
            gap,
            "Step 2: the naive comparison",
            "step-2-the-naive-comparison",
            f"{other_mean:.1f}% − {dre_mean:.1f}% = {gap:.1f} percentage points.",
            tolerance=0.05,
            percent=True,  # "8.8%" is how many students write points
            units=("points", "percentage points"),
        ),
    ]
