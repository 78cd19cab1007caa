import { fileURLToPath } from 'node:url';
import { checkStructural, findStaleCrds, buildAllCrds, type CrdSchema } from '@tessera/core';
import { PROVIDER_DESCRIPTORS } from './providers.js';

const CRDS_DIR = fileURLToPath(new URL('../../crds', import.meta.url));

describe('crds/', () => {
  it('matches what npm run crds generates from the schemas and the loaded providers', async () => {
    // GIVEN the committed CRD files WHEN they are regenerated in memory
    const stale = await findStaleCrds(CRDS_DIR, PROVIDER_DESCRIPTORS);
    // THEN nothing differs (run `npm run crds` when this fails)
    expect(stale).toEqual([]);
  });

  it('holds only structural schemas with the fake provider under spec.provider', () => {
    for (const { crd } of buildAllCrds(PROVIDER_DESCRIPTORS)) {
      const version = (crd.spec as { versions: { schema: { openAPIV3Schema: CrdSchema } }[] }).versions[0];
      expect(checkStructural(version.schema.openAPIV3Schema)).toEqual([]);
    }
  });
});
