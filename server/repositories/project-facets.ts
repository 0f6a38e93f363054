import type { Kysely } from 'kysely';
import type { ProjectFacets } from '../../src/domain/projects-api';
import { projectFacets } from '../../src/domain/views';
import type { Database } from '../db/schema';

/**
 * The options of the projects list's filters over every project (two index-only scans), ordered
 * by the domain so the server and the mock agree.
 */
export async function readProjectFacets(db: Kysely<Database>): Promise<ProjectFacets> {
  const [districts, targets] = await Promise.all([
    db.selectFrom('projects').select('district').distinct().execute(),
    db.selectFrom('project_targets').select('target_id').distinct().execute(),
  ]);
  return projectFacets(
    districts.map((r) => r.district),
    targets.map((r) => r.target_id),
  );
}
