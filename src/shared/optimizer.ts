/** The FSRS optimiser's report (issue 9, item 6): what was fitted, how well, and whether the new weights were kept. */
export interface OptimizeReport {
  /**
   * improved: new weights saved; kept: the fit was not better, old weights stay; too-few: nothing to fit yet;
   * initial: fewer than 64 usable reviews, only the initial stabilities (w0–w3) were fitted and saved.
   */
  status: 'improved' | 'kept' | 'too-few' | 'initial';
  weights: number[];
  previous: number[];
  /** Log loss and RMSE (bins) of the previous weights and of the new fit on the same history; null when too few to measure. */
  before: { logLoss: number; rmse: number } | null;
  after: { logLoss: number; rmse: number } | null;
  cards: number;
  reviews: number;
  items: number;
  /** One plain sentence for the screen and the terminal. */
  message: string;
  /** True when the new weights were saved to the settings. */
  applied: boolean;
  durationMs: number;
}
