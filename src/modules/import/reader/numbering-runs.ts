/**
 * Which numbered blocks start recommendations when a plan numbers its actions too. Recommendations
 * count up through the whole plan (1, 2, 3 …); actions numbered plainly count again from 1 under each
 * recommendation. So when two numbering styles are printed ("R1" and "1."), the one that keeps
 * counting up numbers the recommendations and the one that starts again numbers the actions; when a
 * single style numbers both, each number is read in sequence: the next recommendation's number, or
 * the next action's under the current one.
 */

export interface PrintedNumber {
  /** How the number is printed: block kind, prefix and punctuation ("paragraph|R|", "listItem|#|."). */
  style: string;
  value: number;
}

/** Times a style's numbers fail to rise from one to the next. */
function restarts(numbers: readonly PrintedNumber[], style: string): number {
  let count = 0;
  let previous = -Infinity;
  for (const n of numbers) {
    if (n.style !== style) continue;
    if (n.value <= previous) count++;
    previous = n.value;
  }
  return count;
}

/**
 * For each block (null where nothing is numbered), true when it starts a recommendation. A block
 * numbered but not starting one is an action's number.
 */
export function recommendationNumbers(numbers: readonly (PrintedNumber | null)[]): boolean[] {
  const present = numbers.filter((n): n is PrintedNumber => n !== null);
  const styles = [...new Set(present.map((n) => n.style))];
  const counting = styles.filter((s) => restarts(present, s) === 0);
  const restarting = styles.filter((s) => restarts(present, s) > 0);
  if (restarting.length === 0) return numbers.map((n) => n !== null);
  if (counting.length > 0) {
    // One style counts up, another starts again: the one that counts up numbers the recommendations.
    const keep = new Set(counting);
    return numbers.map((n) => n !== null && keep.has(n.style));
  }
  if (styles.length !== 1) return numbers.map((n) => n !== null);
  return inSequence(numbers);
}

/** One style numbers both: each number continues the recommendations' count or the current one's actions. */
function inSequence(numbers: readonly (PrintedNumber | null)[]): boolean[] {
  const starts = numbers.map(() => false);
  let recommendation = 0;
  let action = 0;
  const nextAfter = (i: number): number | null => {
    for (let j = i + 1; j < numbers.length; j++) if (numbers[j]) return numbers[j]!.value;
    return null;
  };
  numbers.forEach((n, i) => {
    if (n === null) return;
    const continuesRecommendations = n.value === recommendation + 1;
    const continuesActions = recommendation > 0 && n.value === action + 1;
    // Both fit: a recommendation is followed by its first action (1); an action by the next.
    const start =
      recommendation === 0 ||
      (continuesRecommendations && (!continuesActions || nextAfter(i) === 1)) ||
      (!continuesRecommendations && !continuesActions && n.value > recommendation && n.value !== 1);
    if (start) {
      starts[i] = true;
      recommendation = n.value;
      action = 0;
    } else action = n.value;
  });
  return starts;
}
