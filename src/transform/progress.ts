/** What a transform tells a progress display (src/cli/progress*.ts); src/transform never imports it. */
export interface TransformProgress {
  /** Model `index` (0-based) of `count` in run order starts. */
  onModelStart(model: string, index: number, count: number): void;
  onModelEnd(model: string, status: 'success' | 'failed' | 'skipped'): void;
}
