import type { ContextFigure, KeyProject, Plan, ProgressReport, Target } from '../../src/domain/schemas';
import { DIGITAL_2025_TARGETS } from './digital-2025';
import { INDUSTRY_10PLUS1_TARGETS } from './industry-10plus1';
import { LAOSHAN_2025_TARGETS } from './laoshan-2025';
import { PLANS } from './plans';
import { NAMED_PROJECTS } from './projects';
import { CONTEXT_FIGURES, PUBLISHED_REPORTS } from './published';
import { QD_2025_TARGETS } from './qd-2025';

export interface Catalog {
  plans: Plan[];
  targets: Target[];
  publishedReports: ProgressReport[];
  contextFigures: ContextFigure[];
  projects: KeyProject[];
}

/** The real catalog: every record cites its source document (see `data/README.md`). */
export const CATALOG: Catalog = {
  plans: PLANS,
  targets: [...QD_2025_TARGETS, ...DIGITAL_2025_TARGETS, ...LAOSHAN_2025_TARGETS, ...INDUSTRY_10PLUS1_TARGETS],
  publishedReports: PUBLISHED_REPORTS,
  contextFigures: CONTEXT_FIGURES,
  projects: NAMED_PROJECTS,
};
