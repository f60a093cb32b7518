import { describe, expect, it } from "vitest";
import { encodeModel } from "./encode-model";
import { countDimensions } from "./features";
import type { FeatureConfig } from "./features";
import { decodeModel, scoreSentence } from "./model";
import shippedFile from "./check-worthiness-model.json";
import type { ModelFile } from "./model";

const CONFIG: FeatureConfig = { hashBits: 10, wordNgrams: 2, charMin: 2, charMax: 3, wordWeight: 1, charWeight: 1, cueWeight: 1, vectorWeight: 0 };

describe("encodeModel / decodeModel", () => {
  it("round-trips weights within the int16 quantisation step", () => {
    const weights = Float64Array.from({ length: countDimensions(CONFIG) }, (_, i) => Math.sin(i) * 3);
    const file = encodeModel({ weights, bias: -1.25, }, CONFIG, {});
    const model = decodeModel(JSON.parse(JSON.stringify(file)) as ModelFile);
    expect(model.bias).toBe(-1.25);
    for (let i = 0; i < weights.length; i += 97) expect(model.weights[i]).toBeCloseTo(weights[i], 3);
  });

  it("rejects a file whose weights do not match its feature configuration", () => {
    const file = encodeModel({ weights: new Float64Array(10), bias: 0 }, CONFIG, {});
    expect(() => decodeModel(file)).toThrow(/expected/);
  });
});

describe("the shipped model", () => {
  const model = decodeModel(shippedFile as ModelFile);

  it("scores a sentence with figures above small talk", () => {
    const claim = scoreSentence(model, "Unemployment fell to 3.5 percent last year, the lowest rate since 1969.");
    const chat = scoreSentence(model, "Thank you very much, it is great to be here tonight.");
    expect(claim).toBeGreaterThan(model.threshold);
    expect(chat).toBeLessThan(model.threshold);
  });
});
