// A session's review from its stored record. Pure: the teacher's page, the exports and the tests
// all get the same numbers from the same rows, and the live engine's own rules (who counts, the
// persuasion pair, the scoring formulas) are reused, not restated.
import type { QuizItem } from "../../../content/schema";
import type { QuizAnswerValue } from "../../../db/schema";
import { activeOf, isActive } from "../lobby/seats";
import { motionPair, stancesOf } from "../polls/views";
import { resultsShown, tallyOf } from "../polls/tallies";
import { argumentRubricPoints, ballotPoints, pointsLedger, standingsOf } from "../scoring/debate";
import { persuasion } from "../scoring/persuasion";
import { entryKey } from "../scoring/wordCloud";
import { isCorrect, numberWithUnit, quizDistribution, answerKey, quizOptions } from "../scoring/quiz";
import { standingsRecord } from "../scoring/scoreboard";
import { cardsById } from "../views/cards";
import { argumentFields, challengeView, settingsOf } from "../views/debate";
import type { SessionRecord } from "./read";
import type { QuizItemAnalysis, ReviewAnswer, ReviewArgument, ReviewPoll, ReviewRound, ReviewVote, SessionReview } from "./types";

/** The label that stands for a student in an anonymised review: their place in join order. */
const anonymousLabel = (index: number) => `Student ${index + 1}`;

const unitOf = (item: QuizItem) => (item.kind === "numeric" ? (item.unit ?? null) : null);

/**
 * An answer as the exports write it: the options chosen in the question's order, joined by "; "
 * (so a spreadsheet can split them), or the number with its unit. Screens word it as the live
 * quiz does (app/lib/quiz.ts), from the options and the stored answer.
 */
function answerText(item: QuizItem, answer: QuizAnswerValue): string {
  if ("number" in answer) return numberWithUnit(answer.number, unitOf(item));
  const options = quizOptions(item);
  return [...answer.choices].sort((a, b) => a - b).map((i) => options[i] ?? `option ${i + 1}`).join("; ");
}

export function buildReview(record: SessionRecord, options: { anonymous?: boolean } = {}): SessionReview {
  const { session, scenario } = record;
  const anonymous = options.anonymous ?? false;
  const names = new Map(record.seats.map((p, i) => [p.id, anonymous ? anonymousLabel(i) : p.displayName]));
  const seats = record.seats.map((p) => ({ ...p, displayName: names.get(p.id)! }));
  const active = new Set(activeOf(record.seats).map((p) => p.id));
  const cards = cardsById(scenario);
  const items = new Map(scenario.quiz.map((q) => [q.id, q]));

  // ---- rounds and arguments (rows grouped once: a class of 2,000 has thousands of each)
  const ballotsOf = groupBy(record.ballots, (b) => b.argumentId);
  const challengesOf = groupBy(record.challenges, (c) => c.argumentId);
  const peerVotes = new Map<string, number>();
  for (const v of record.votes) peerVotes.set(v.argumentId, (peerVotes.get(v.argumentId) ?? 0) + 1);
  const argumentOf = (row: SessionRecord["arguments"][number]): ReviewArgument => {
    const ballots = ballotsOf.get(row.id) ?? [];
    return {
      ...argumentFields(row, names, cards),
      ballots: ballots.map((b) => ({ judge: record.judges.get(b.judgeId) ?? "A judge", scores: b.scores, comment: b.comment, points: ballotPoints(scenario.rubric, b.scores) })),
      rubricPoints: argumentRubricPoints(scenario.rubric, ballots.map((b) => b.scores)),
      peerVotes: peerVotes.get(row.id) ?? 0,
      challenges: (challengesOf.get(row.id) ?? []).map((c) => ({ ...challengeView(c, names), ruledAt: c.ruledAt?.getTime() ?? null })),
    };
  };
  const argumentsById = new Map(record.arguments.map((a) => [a.id, argumentOf(a)]));
  const argumentsIn = groupBy([...argumentsById.values()], (a) => a.roundId);
  const votersIn = groupBy(record.votes, (v) => v.roundId);
  const rounds: ReviewRound[] = record.rounds.map((row) => {
    const plan = session.roundPlan[row.planIndex];
    const inRound = argumentsIn.get(row.id) ?? [];
    const answersTo = groupBy(inRound.filter((a) => a.kind === "answer"), (a) => a.replyTo);
    return {
      id: row.id,
      index: row.planIndex,
      kind: plan.kind,
      title: plan.title,
      sides: plan.sides,
      status: row.status,
      startedAt: row.startedAt.getTime(),
      closedAt: row.closedAt?.getTime() ?? null,
      speeches: inRound.filter((a) => a.kind === "argument"),
      threads: inRound.filter((a) => a.kind === "question").map((question) => ({ question, answers: answersTo.get(question.id) ?? [] })),
      peerVoters: votersIn.get(row.id)?.length ?? 0,
    };
  });

  // ---- polls: counted as live counts them, over the students still seated
  const of = active.size;
  const votesIn = groupBy(record.pollVotes, (v) => v.pollId);
  const countedVotes = (pollId: string) => (votesIn.get(pollId) ?? []).filter((v) => active.has(v.participantId));
  const polls: ReviewPoll[] = record.polls.map((poll, i) => {
    const tally = tallyOf(poll, countedVotes(poll.id), 0, of, "host");
    return {
      id: poll.id,
      position: i + 1,
      kind: poll.kind,
      prompt: poll.prompt,
      options: poll.options,
      phase: poll.phase,
      anonymous: poll.anonymous,
      status: poll.status,
      openedAt: poll.openedAt.getTime(),
      closedAt: poll.closedAt?.getTime() ?? null,
      voted: tally.voted,
      of,
      counts: tally.counts,
      cloud: tally.cloud && tally.cloud.filter((e) => !e.hidden),
    };
  });
  const closedMotions = record.polls.filter((p) => p.kind === "motion" && p.status === "closed").reverse();
  const pair = motionPair(closedMotions);
  const result = pair.before && pair.after ? persuasion(stancesOf(pair.before, countedVotes(pair.before.id)), stancesOf(pair.after, countedVotes(pair.after.id))) : null;
  const reviewPoll = (id: string | undefined) => polls.find((p) => p.id === id) ?? null;
  const pollsById = new Map(record.polls.map((p, i) => [p.id, { poll: p, position: i + 1 }]));
  const votes: ReviewVote[] = record.pollVotes.map((v) => {
    const { poll, position } = pollsById.get(v.pollId)!;
    const hidden = poll.kind === "text" && poll.hiddenEntries.includes(entryKey(v.text ?? ""));
    // An entry the teacher hid (it may name a classmate) is left out of a review made to be shown.
    const text = poll.kind === "text" ? (hidden && anonymous ? "" : (v.text ?? "")) : v.choices.map((c) => poll.options[c] ?? `option ${c + 1}`).join("; ");
    // An anonymous poll's votes name no one and carry no time (a time could tell who voted).
    return { pollId: v.pollId, position, participantId: poll.anonymous ? null : v.participantId, choices: v.choices, answerText: text, hidden, votedAt: poll.anonymous ? null : v.updatedAt.getTime() };
  });
  // Anonymous polls' votes in the order of their answers, so their order gives no one away either.
  votes.sort((a, b) => a.position - b.position || (a.participantId === null && b.participantId === null ? a.answerText.localeCompare(b.answerText) : 0));

  // ---- quiz
  const questions = new Map(record.questions.map((q) => [q.id, q]));
  const answers: ReviewAnswer[] = record.answers.flatMap((a) => {
    const question = questions.get(a.questionId);
    const item = question && items.get(question.itemId);
    if (!question || !item) return [];
    return [{ questionId: a.questionId, position: question.position, participantId: a.participantId, sideId: a.sideId, answer: a.answer, answerText: answerText(item, a.answer), credit: a.credit, correct: isCorrect(a.credit), elapsedMs: a.elapsedMs, points: a.points, streak: a.streak }];
  });
  const answersTo = groupBy(answers, (a) => a.questionId);
  const quiz: QuizItemAnalysis[] = record.questions.flatMap((question) => {
    const item = items.get(question.itemId);
    if (!item) return [];
    const counted = (answersTo.get(question.id) ?? []).filter((a) => active.has(a.participantId));
    const correct = counted.filter((a) => a.correct).length;
    const distribution = quizDistribution(item, counted.map((a) => a.answer));
    return [
      {
        questionId: question.id,
        position: question.position,
        itemId: item.id,
        kind: item.kind,
        prompt: item.prompt,
        options: quizOptions(item),
        unit: unitOf(item),
        multiplier: question.multiplier,
        status: question.status,
        // A pack's schema guarantees every question's source.
        key: answerKey(item, scenario.sources)!,
        answered: counted.length,
        correct,
        shareCorrect: counted.length ? correct / counted.length : null,
        averageMs: counted.length ? Math.round(counted.reduce((sum, a) => sum + a.elapsedMs, 0) / counted.length) : null,
        distribution,
        wrong: wrongAnswers(item, distribution, counted),
      },
    ];
  });
  // Hardest first; a question still open (its answers still arriving) after every closed one.
  const rank = (q: QuizItemAnalysis) => (q.status === "open" ? 3 : (q.shareCorrect ?? 2));
  quiz.sort((a, b) => rank(a) - rank(b) || a.position - b.position);

  // ---- standings: the live rules, over the same rows; audience points once the class saw the result
  const shownResult = pair.after && resultsShown(pair.after) ? result : null;
  const standingsInput = standingsRecord({ scenario, seats, arguments: record.arguments, ballots: record.ballots, votes: record.votes, challenges: record.challenges, quizAnswers: record.answers, persuasion: shownResult });
  const ledger = pointsLedger(scenario.rubric, standingsInput);

  return {
    session: {
      id: session.id,
      code: session.code,
      status: session.status,
      createdAt: session.createdAt.getTime(),
      endedAt: session.endedAt?.getTime() ?? null,
      capacity: session.capacity,
      settings: settingsOf(session),
    },
    scenario: { id: scenario.id, version: record.scenarioVersion, title: scenario.title, motion: scenario.motion, sides: scenario.sides.map(({ id, name, stance, leans }) => ({ id, name, stance, leans })), rubric: scenario.rubric },
    anonymous,
    people: seats.map((p) => ({ id: p.id, name: p.displayName, sideId: p.sideId, removed: !isActive(p) })),
    rounds,
    motion: { before: reviewPoll(pair.before?.id), after: reviewPoll(pair.after?.id), persuasion: result },
    polls,
    quiz,
    answers,
    votes,
    standings: { ...standingsOf(standingsInput, ledger), ledger },
  };
}

/** Wrong answers, most chosen first: every wrong option (0s included), or a numeric question's wrong values. */
function wrongAnswers(item: QuizItem, distribution: QuizItemAnalysis["distribution"], answers: readonly ReviewAnswer[]): QuizItemAnalysis["wrong"] {
  if (item.kind !== "numeric") return distribution.filter((d) => !d.correct).map(({ label, count }) => ({ label, count })).sort((a, b) => b.count - a.count);
  const counts = new Map<string, number>();
  for (const a of answers) if (!a.correct) counts.set(a.answerText, (counts.get(a.answerText) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** Rows by key, each group in the rows' order. */
function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
