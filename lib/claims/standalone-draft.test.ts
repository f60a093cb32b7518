import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftStatement, dropOpener, findSpeakerBefore } from "./standalone-draft";

/** Where `sentence` is in `text`, whatever the line breaks (the fixture wraps its lines). */
function locate(text: string, sentence: string) {
  const pattern = new RegExp(sentence.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  const match = pattern.exec(text);
  if (!match) throw new Error(`Not in the text: ${sentence}`);
  return { start: match.index, end: match.index + match[0].length };
}

/** Drafts the statement for `sentence`, which must occur in `text`. */
const draftIn = (text: string, sentence: string) => draftStatement(text, locate(text, sentence));

const ARTICLE = readFileSync(path.join(process.cwd(), "prisma/fixtures/putin-private-armies.txt"), "utf8");

describe("draftStatement on the seeded Business Insider article", () => {
  it("leaves a sentence that already stands alone as it is", () => {
    const sentence = "The plans for the private military companies, or \"special enterprises,\" were noted in a new bill that raises the draft age for the Russian military.";
    expect(draftIn(ARTICLE, sentence)).toEqual({ statement: sentence, speaker: null });
  });

  it("keeps a pronoun whose person the sentence names itself (Putin, not Prigozhin, launched the search)", () => {
    const sentence = "Though Putin has not punished Yevgeny Prigozhin, the leader of the mutiny, he has launched a search for suspected traitors in the Russian military and appears to be fearful of future internal threats to his power.";
    expect(draftIn(ARTICLE, sentence).statement).toBe(sentence);
  });

  it("turns a trailing “said Sokov” into an attribution at the front", () => {
    const sentence = "\"They are a tool to enhance security [important given very active clandestine actions by Ukrainian military intelligence], and can, as necessary, help against any new mutiny,\" said Sokov.";
    expect(draftIn(ARTICLE, sentence)).toEqual({
      statement: "Sokov said: \"They are a tool to enhance security [important given very active clandestine actions by Ukrainian military intelligence], and can, as necessary, help against any new mutiny.\"",
      speaker: null,
    });
  });

  it("names the nearest person before a “he said” added after the Sokov quote", () => {
    const text = `${ARTICLE.trim()}\n\nBut with just 18 months left in power, he said, the Kremlin would struggle to pay the units.`;
    expect(draftIn(text, "But with just 18 months left in power, he said, the Kremlin would struggle to pay the units.")).toEqual({
      statement: "Sokov said that with just 18 months left in power, the Kremlin would struggle to pay the units.",
      speaker: "Sokov",
    });
  });

  it("finds the people the article names, by title, role, apposition or reporting verb", () => {
    const at = (sentence: string) => findSpeakerBefore(ARTICLE, locate(ARTICLE, sentence).start);
    expect(at("The plans for the private military companies")).toBe("Putin");
    expect(at("The Daily Beast first reported")).toBe("Kartapolov");
    expect(at("Another core function of the militias")).toBe("Sokov");
  });
});

describe("draftStatement on news-style sentences", () => {
  const cases: Array<{ text: string; sentence: string; statement: string; speaker: string | null }> = [
    {
      text: "Russian President Vladimir Putin met the governors on Monday. But with just 18 months left in power, he said, the reforms must pass this year.",
      sentence: "But with just 18 months left in power, he said, the reforms must pass this year.",
      statement: "Putin said that with just 18 months left in power, the reforms must pass this year.",
      speaker: "Putin",
    },
    {
      // The surname alone ("Putin said") is the nearest mention of the person named in full before.
      text: "Russian President Vladimir Putin spoke first. Defence committee chairman Andrey Kartapolov followed. Later Putin said the bill was ready. However, he said the units would not be armed until 2025.",
      sentence: "However, he said the units would not be armed until 2025.",
      statement: "Putin said the units would not be armed until 2025.",
      speaker: "Putin",
    },
    {
      text: "Prime Minister Rishi Sunak visited Kent on Friday. The scheme has cut crossings by a third, he said.",
      sentence: "The scheme has cut crossings by a third, he said.",
      statement: "Sunak said that the scheme has cut crossings by a third.",
      speaker: "Sunak",
    },
    {
      text: "Janet Yellen, the Treasury secretary, spoke in Washington. Meanwhile, she told reporters inflation had fallen to 3.1 percent.",
      sentence: "Meanwhile, she told reporters inflation had fallen to 3.1 percent.",
      statement: "Yellen told reporters inflation had fallen to 3.1 percent.",
      speaker: "Yellen",
    },
    {
      text: "“We have never seen numbers like this,” said Dr. Maria Van Kerkhove. And she added that cases had doubled in a week.",
      sentence: "And she added that cases had doubled in a week.",
      statement: "Kerkhove added that cases had doubled in a week.",
      speaker: "Kerkhove",
    },
    {
      text: "The mayor, Eric Adams, defended the budget. “Crime is down 10 percent,” he said.",
      sentence: "“Crime is down 10 percent,” he said.",
      statement: "Adams said: “Crime is down 10 percent.”",
      speaker: "Adams",
    },
    {
      text: "Duma defence committee chairman Andrey Kartapolov backed the bill. His committee approved it by 12 votes to 1.",
      sentence: "His committee approved it by 12 votes to 1.",
      statement: "Kartapolov’s committee approved it by 12 votes to 1.",
      speaker: "Kartapolov",
    },
    {
      text: "Reuters said the talks had stalled. He has denied any wrongdoing.",
      sentence: "He has denied any wrongdoing.",
      // An agency is not a person: nobody to name, so the pronoun stays for the editor.
      statement: "He has denied any wrongdoing.",
      speaker: null,
    },
    {
      text: "Still, unemployment rose to 4.2 percent in March, the highest since 2021.",
      sentence: "Still, unemployment rose to 4.2 percent in March, the highest since 2021.",
      statement: "Unemployment rose to 4.2 percent in March, the highest since 2021.",
      speaker: null,
    },
    {
      text: "The ministry published its figures. And Russia spent 6 percent of GDP on defence in 2023, the ministry said.",
      sentence: "And Russia spent 6 percent of GDP on defence in 2023, the ministry said.",
      statement: "Russia spent 6 percent of GDP on defence in 2023, the ministry said.",
      speaker: null,
    },
  ];

  it.each(cases)("$statement", ({ text, sentence, statement, speaker }) => {
    expect(draftIn(text, sentence)).toEqual({ statement, speaker });
  });
});

describe("dropOpener", () => {
  it("drops a joining word, and keeps words that only look like one", () => {
    expect(dropOpener("But the bill was passed in June.")).toBe("The bill was passed in June.");
    expect(dropOpener("However, the bill was passed in June.")).toBe("The bill was passed in June.");
    expect(dropOpener("In addition, 40 regions signed up.")).toBe("40 regions signed up.");
    expect(dropOpener("So far 12 regions have signed up.")).toBe("So far 12 regions have signed up.");
    expect(dropOpener("Still water covered the site.")).toBe("Still water covered the site.");
    expect(dropOpener("Andrey Kartapolov backed the bill.")).toBe("Andrey Kartapolov backed the bill.");
  });
});
