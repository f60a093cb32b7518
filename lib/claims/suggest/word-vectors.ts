import vectorFile from "./word-vectors.json";

type WordVectors = { dimensions: number; rowOf: Map<string, number>; data: Int8Array; scale: number };

let loaded: WordVectors | null = null;

// GloVe (a slice of it, see word-vectors.json) lets words never seen in the debates, such as
// "coronavirus", borrow what the model learned about their neighbours ("flu", "outbreak").
function loadWordVectors(): WordVectors {
  if (loaded) return loaded;
  const words = vectorFile.words.split(" ");
  const binary = atob(vectorFile.vectors);
  const data = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) data[i] = (binary.charCodeAt(i) << 24) >> 24;
  loaded = { dimensions: vectorFile.dimensions, rowOf: new Map(words.map((w, i) => [w, i])), data, scale: vectorFile.scale };
  return loaded;
}

/** Number of dimensions of the shipped word vectors. */
export function countVectorDimensions(): number {
  return loadWordVectors().dimensions;
}

/**
 * Unit-length mean of the known words' vectors (all zeros when no word is known). `weightOf`
 * weighs each word by its frequency rank in the vectors' vocabulary (0 = most frequent), so
 * callers can let rare words count more; by default every word counts the same.
 */
export function computeSentenceVector(tokens: readonly string[], weightOf?: (rank: number) => number): Float64Array {
  const { dimensions, rowOf, data } = loadWordVectors();
  const sum = new Float64Array(dimensions);
  for (const token of tokens) {
    const row = rowOf.get(token);
    if (row === undefined) continue;
    const weight = weightOf ? weightOf(row) : 1;
    for (let d = 0; d < dimensions; d++) sum[d] += weight * data[row * dimensions + d];
  }
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += sum[d] * sum[d];
  if (norm > 0) for (let d = 0; d < dimensions; d++) sum[d] /= Math.sqrt(norm);
  return sum;
}
