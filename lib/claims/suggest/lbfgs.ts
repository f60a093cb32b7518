/** Returns f(x) and writes the gradient into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search; stops when an iteration improves
 * the objective by less than `tolerance` (relative) or after `maxIterations`.
 */
export function minimizeLbfgs(f: Objective, x0: Float64Array, maxIterations: number, tolerance = 1e-7, memory = 10): Float64Array {
  const n = x0.length;
  let x = x0;
  let grad = new Float64Array(n);
  let fx = f(x, grad);
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rhoList: number[] = [];
  const direction = new Float64Array(n);
  for (let iter = 0; iter < maxIterations; iter++) {
    computeDirection(grad, sList, yList, rhoList, direction);
    let step = iter === 0 ? 1 / Math.max(1, computeNorm(grad)) : 1;
    const slope = computeDot(grad, direction);
    if (slope >= 0) break;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let fNew = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * direction[i];
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - grad[i];
    }
    const sy = computeDot(s, y);
    if (sy > 1e-12) {
      sList.push(s);
      yList.push(y);
      rhoList.push(1 / sy);
      if (sList.length > memory) {
        sList.shift();
        yList.shift();
        rhoList.shift();
      }
    }
    const improvement = (fx - fNew) / Math.max(1, Math.abs(fx));
    x = xNew;
    grad = gNew;
    fx = fNew;
    if (improvement < tolerance) break;
  }
  return x;
}

function computeDirection(
  grad: Float64Array,
  sList: Float64Array[],
  yList: Float64Array[],
  rhoList: number[],
  out: Float64Array,
): void {
  for (let i = 0; i < grad.length; i++) out[i] = -grad[i];
  const alphas: number[] = [];
  for (let k = sList.length - 1; k >= 0; k--) {
    const alpha = rhoList[k] * computeDot(sList[k], out);
    alphas[k] = alpha;
    addScaled(-alpha, yList[k], out);
  }
  if (sList.length > 0) {
    const last = sList.length - 1;
    const gamma = computeDot(sList[last], yList[last]) / computeDot(yList[last], yList[last]);
    for (let i = 0; i < out.length; i++) out[i] *= gamma;
  }
  for (let k = 0; k < sList.length; k++) {
    const beta = rhoList[k] * computeDot(yList[k], out);
    addScaled(alphas[k] - beta, sList[k], out);
  }
}

function computeDot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function computeNorm(a: Float64Array): number {
  return Math.sqrt(computeDot(a, a));
}

function addScaled(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += alpha * x[i];
}
