import { describe, expect, it } from "vitest";
import {
  answeredLine,
  answerText,
  isCorrectOption,
  keyText,
  multiplierLabel,
  nextInOrder,
  ordinal,
  pointsText,
  questionClock,
  quizNews,
  resultLabel,
  resultSentence,
} from "../../app/lib/quiz";
import type { QuizQuestionView } from "../../server/live/views/types";
import { secondsLeft } from "../../app/lib/clock";
import type { QuizKey } from "../../server/live/views/types";

const source: QuizKey["source"] = { id: "s", outlet: "VOA", title: "T", author: null, period: "2024", file: "t.md", type: "report", year: 2024 };
const key = (correct: QuizKey["correct"]): QuizKey => ({ correct, explanation: "Because.", source });

describe("quiz screens", () => {
  it("reads a question's deadline as a countdown does, closed at 0", () => {
    const clock = questionClock({ status: "open", startedAt: 1000, endsAt: 21000 });
    expect(clock).toEqual({ status: "open", endsAt: 21000, remainingMs: 20000 });
    expect(secondsLeft(clock, 0, 6000)).toBe(15);
    expect(secondsLeft(questionClock({ status: "closed", startedAt: 1000, endsAt: 21000 }), 0, 6000)).toBe(0);
  });

  it("puts the answer key and a student's answer in words", () => {
    const q = { options: ["Phnom Penh", "Siem Reap", "Kampot"], unit: null };
    expect(keyText(q, key({ choices: [0] }))).toBe("Phnom Penh");
    expect(keyText(q, key({ choices: [0, 2] }))).toBe("Phnom Penh and Kampot");
    expect(keyText({ options: [], unit: "km" }, key({ number: 1500, tolerance: 50 }))).toBe("1,500 km (answers within 50 count)");
    expect(keyText({ options: [], unit: null }, key({ number: 7, tolerance: 0 }))).toBe("7");
    expect(answerText(q, { choices: [1] })).toBe("Siem Reap");
    expect(answerText({ options: [], unit: "%" }, { number: 12.5 })).toBe("12.5 %");
    expect(isCorrectOption(key({ choices: [0, 2] }), 2)).toBe(true);
    expect(isCorrectOption(key({ choices: [0, 2] }), 1)).toBe(false);
    expect(isCorrectOption(null, 0)).toBe(false);
  });

  it("says a result with a symbol as well as words", () => {
    expect(resultLabel({ answered: true, correct: true, credit: 1 })).toEqual({ symbol: "✓", text: "Right", tone: "right" });
    expect(resultLabel({ answered: true, correct: false, credit: 0.5 })).toEqual({ symbol: "◐", text: "Partly right (50% of the options)", tone: "partly" });
    expect(resultLabel({ answered: true, correct: false, credit: 0 })).toEqual({ symbol: "✗", text: "Wrong", tone: "wrong" });
    expect(resultLabel({ answered: false, correct: false, credit: 0 }).text).toBe("No answer");
    const result = { questionId: "q", answered: true, correct: true, credit: 1, points: 950, streak: 2, total: 1900, rank: 1 };
    expect(resultSentence(result)).toBe("Right: +950 points. Streak 2, rank 1st, total 1,900 points.");
    expect(resultSentence({ ...result, correct: false, credit: 0, points: 0, streak: 0, rank: 3 })).toBe(
      "Wrong: 0 points. Streak 0, rank 3rd, total 1,900 points."
    );
  });

  it("ranks in words, multipliers and points", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
      "111th",
    ]);
    expect(multiplierLabel(0)).toBe("0× (practice, no points)");
    expect(multiplierLabel(1)).toBe("1×");
    expect(multiplierLabel(2)).toBe("2× (double points)");
    expect(pointsText(1950)).toBe("1,950 points");
    expect(pointsText(1)).toBe("1 point");
    expect(answeredLine({ answered: 1, of: 3 })).toBe("1 of 3 has answered");
    expect(answeredLine({ answered: 2, of: 3 })).toBe("2 of 3 have answered");
  });

  it("asks next in order the first question not yet asked", () => {
    const item = (id: string, asked: boolean) => ({ id, prompt: id, kind: "single" as const, seconds: 20, points: 1, asked });
    expect(nextInOrder([item("a", true), item("b", false), item("c", false)])?.id).toBe("b");
    expect(nextInOrder([item("a", true)])).toBeNull();
  });

  it("has news for a screen reader when a question opens and when it closes, with the answer", () => {
    const q: QuizQuestionView = {
      id: "q",
      itemId: "i",
      position: 2,
      kind: "single",
      prompt: "Which city?",
      options: ["Phnom Penh", "Kampot"],
      unit: null,
      multiplier: 1,
      status: "open",
      startedAt: 0,
      endsAt: 1,
      roundId: null,
      key: null,
      distribution: null,
    };
    expect(quizNews(q)).toBe("Question 2 open: Which city?");
    expect(quizNews({ ...q, status: "closed" })).toBe("Question 2 closed.");
    expect(quizNews({ ...q, status: "closed", key: key({ choices: [0] }) })).toBe("Question 2 closed. Answer: Phnom Penh.");
  });
});
