import shippedFile from "./check-worthiness-model.json";
import { decodeModel } from "./model";
import type { CheckWorthinessModel, ModelFile } from "./model";

let shipped: CheckWorthinessModel | null = null;

/** The model shipped with the app (written by `npm run train:claims`), decoded once on first use. */
export function getShippedModel(): CheckWorthinessModel {
  shipped ??= decodeModel(shippedFile as ModelFile);
  return shipped;
}
