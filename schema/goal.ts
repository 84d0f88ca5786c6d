/**
 * The petition thermometer's goal. Widget-safe: no imports.
 *
 * Like the big petition sites, a campaign that passes its goal does not show "120%": the next step appears.
 * Steps follow 1-2.5-5 per decade (100, 250, 500, 1,000, 2,500 ...).
 */
export function currentGoal(count: number, goal?: number | null): number {
  if (goal && count < goal) return goal;
  const floor = Math.max(count, goal ?? 0, 1);
  for (let decade = 10; ; decade *= 10) {
    for (const step of [1, 2.5, 5]) {
      const candidate = step * decade;
      if (candidate > floor) return candidate;
    }
  }
}
