import { describe, expect, it } from "vitest";
import { tagEntities } from "./entities";

// Sentences from the real pages in __fixtures__.
describe("tagEntities", () => {
  it("tells places, people and organisations apart", () => {
    expect(tagEntities("Hours after the interview, a gunman opened fire at a cinema in the US state of Louisiana.")).toEqual([
      { text: "US", kind: "place" },
      { text: "Louisiana", kind: "place" },
    ]);
    expect(tagEntities("He vowed to keep trying, but the BBC's North America editor Jon Sopel said so.")).toEqual([
      { text: "BBC", kind: "organisation" },
      { text: "North America", kind: "place" },
      { text: "Jon Sopel", kind: "person" },
    ]);
    expect(tagEntities("Mr Obama will become the first US president to address the African Union.")).toEqual([
      { text: "Obama", kind: "person" },
      { text: "US", kind: "place" },
      { text: "African Union", kind: "organisation" },
    ]);
  });

  it("reads nationalities as groups and a title's name as a person", () => {
    expect(tagEntities("Tunisian Prime Minister Habib Essid said so.")).toEqual([
      { text: "Tunisian", kind: "group" },
      { text: "Habib Essid", kind: "person" },
    ]);
    expect(tagEntities("Thousands of Tunisians have flocked to join jihadist groups in Syria.")).toEqual([
      { text: "Tunisians", kind: "group" },
      { text: "Syria", kind: "place" },
    ]);
  });

  it("finds places by their last word and leaves an unknown single name untyped", () => {
    expect(tagEntities("10 rare pygmy whales on Ninety Mile Beach and Whangārei Harbour.")).toEqual([
      { text: "Ninety Mile Beach", kind: "place" },
      { text: "Whangārei Harbour", kind: "place" },
    ]);
    expect(tagEntities("Yahoo will sell the stock to Verizon.")).toEqual([{ text: "Verizon", kind: "name" }]);
  });
});
