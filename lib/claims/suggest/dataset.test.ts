import { describe, expect, it } from "vitest";
import { parseCheckworthinessTsv } from "./dataset";

describe("parseCheckworthinessTsv", () => {
  it("reads plain and CSV-quoted rows with CRLF line ends", () => {
    const tsv = 'Sentence_id\tText\tclass_label\r\n1\tPlain text.\tNo\r\n2\t"He said ""no"" twice."\tYes\r\n';
    expect(parseCheckworthinessTsv(tsv)).toEqual([
      { id: "1", text: "Plain text.", isCheckWorthy: false },
      { id: "2", text: 'He said "no" twice.', isCheckWorthy: true },
    ]);
  });

  it("rejects an unknown header or label", () => {
    expect(() => parseCheckworthinessTsv("id\ttext\tlabel\n1\tx\tYes")).toThrow(/header/);
    expect(() => parseCheckworthinessTsv("Sentence_id\tText\tclass_label\n1\tx\tMaybe")).toThrow(/line 2/);
  });
});
