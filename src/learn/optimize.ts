// A deterministic optimiser: limited-memory BFGS with a backtracking (Armijo) line search.
// Fixed iteration order and no randomness, so the same data always gives the same weights,
// bit for bit, on the same Node version.

/** The objective: fills `gradient` and returns the value at `x`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export function minimize(objective: Objective, start: Float64Array, iterations: number, memory = 8): Float64Array {
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let value = objective(x, g);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rhos: number[] = [];
  const direction = new Float64Array(n);
  const alphas: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    // Two-loop recursion: direction = -H·g.
    direction.set(g);
    for (let i = steps.length - 1; i >= 0; i--) {
      alphas[i] = rhos[i]! * dot(steps[i]!, direction);
      axpy(-alphas[i]!, changes[i]!, direction);
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      scale(direction, dot(steps[last]!, changes[last]!) / dot(changes[last]!, changes[last]!));
    } else {
      scale(direction, 1 / Math.max(1, Math.sqrt(dot(g, g))));
    }
    for (let i = 0; i < steps.length; i++) {
      const beta = rhos[i]! * dot(changes[i]!, direction);
      axpy(alphas[i]! - beta, steps[i]!, direction);
    }
    scale(direction, -1);
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction: restart from the gradient.
      steps.length = changes.length = rhos.length = 0;
      direction.set(g);
      scale(direction, -1 / Math.max(1, Math.sqrt(dot(g, g))));
      slope = dot(g, direction);
      if (!(slope < 0)) break;
    }
    let step = 1;
    const next = new Float64Array(n);
    const nextGradient = new Float64Array(n);
    let nextValue = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) next[i] = x[i]! + step * direction[i]!;
      nextValue = objective(next, nextGradient);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = next[i]! - x[i]!;
      y[i] = nextGradient[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      steps.push(s);
      changes.push(y);
      rhos.push(1 / sy);
      if (steps.length > memory) {
        steps.shift();
        changes.shift();
        rhos.shift();
      }
    }
    const improvement = value - nextValue;
    x = next;
    g = nextGradient;
    value = nextValue;
    if (improvement < 1e-9 * Math.max(1, Math.abs(value))) break;
  }
  return x;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i]! += a * x[i]!;
}

function scale(x: Float64Array, a: number): void {
  for (let i = 0; i < x.length; i++) x[i]! *= a;
}
