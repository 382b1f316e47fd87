// The one "which distribution?" list: every distribution of the account, each row as the
// Distributions view shows it (id; alias or domain · comment). Summaries that lack aliases and comment
// (moto's) are completed first, so the rows can be told apart.
import type { CloudFrontService, DistributionSummary } from '../aws/cloudFrontService';
import { DistributionDetails } from '../aws/distributionDetails';
import { readAllPages } from '../aws/readAllPages';
import { distributionDescription } from '../ui/distributionWords';
import type { PickItem, StepPosition, Ui } from '../ui/ui';

/** A distribution's row in a pick. */
export function distributionItem<T>(distribution: DistributionSummary, value: T, picked?: boolean): PickItem<T> {
  return { label: distribution.id, description: distributionDescription(distribution), value, ...(picked !== undefined ? { picked } : {}) };
}

/** Every distribution of the account (all pages), completed for showing. */
export async function distributionsToShow(service: CloudFrontService): Promise<DistributionSummary[]> {
  const details = new DistributionDetails(() => Promise.resolve(service));
  return details.completeAll(await readAllPages((marker) => service.listDistributions(marker)));
}

/** Asks for one of the account's distributions; resolves with its id. */
export function pickDistribution(ui: Ui, service: CloudFrontService, options: { title: string; placeholder?: string; position?: StepPosition }): Promise<string> {
  return ui.pick({ ...options, items: distributionsToShow(service).then((all) => all.map((d) => distributionItem(d, d.id))) });
}
