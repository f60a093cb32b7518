/**
 * Mean and the first `count` principal axes (unit vectors, by decreasing variance) of the rows,
 * via the cyclic Jacobi eigenvalue method on the covariance matrix: exact and deterministic.
 */
export function computePrincipalAxes(rows: number[][], count: number): { mean: number[]; axes: number[][] } {
  const d = rows[0].length;
  const mean = new Array<number>(d).fill(0);
  for (const row of rows) for (let i = 0; i < d; i++) mean[i] += row[i] / rows.length;
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const row of rows) {
    for (let i = 0; i < d; i++) {
      const a = row[i] - mean[i];
      for (let j = i; j < d; j++) cov[i][j] += (a * (row[j] - mean[j])) / rows.length;
    }
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) cov[i][j] = cov[j][i];
  const { values, vectors } = diagonalize(cov);
  const order = values.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const axes = order.slice(0, count).map(([, i]) => orientAxis(vectors.map((row) => row[i])));
  return { mean, axes };
}

// Makes the sign of each axis reproducible (largest component positive).
function orientAxis(axis: number[]): number[] {
  let largest = 0;
  for (let i = 1; i < axis.length; i++) if (Math.abs(axis[i]) > Math.abs(axis[largest])) largest = i;
  return axis[largest] < 0 ? axis.map((v) => -v) : axis;
}

function diagonalize(input: number[][]): { values: number[]; vectors: number[][] } {
  const n = input.length;
  const a = input.map((row) => [...row]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, v, p, q, c, s);
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v };
}

function rotate(a: number[][], v: number[][], p: number, q: number, c: number, s: number): void {
  const n = a.length;
  for (let k = 0; k < n; k++) {
    const akp = a[k][p];
    const akq = a[k][q];
    a[k][p] = c * akp - s * akq;
    a[k][q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p][k];
    const aqk = a[q][k];
    a[p][k] = c * apk - s * aqk;
    a[q][k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k][p];
    const vkq = v[k][q];
    v[k][p] = c * vkp - s * vkq;
    v[k][q] = s * vkp + c * vkq;
  }
}
