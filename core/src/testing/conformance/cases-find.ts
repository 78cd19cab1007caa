/**
 * Conformance cases: `dataFrom.find` (by name, by tags, under a path) and the key rules applied to
 * what dataFrom returns (rewrite, conversionStrategy).
 *
 * `find` names results differently per provider ({@link ConformanceCapabilities.findReturns}), so
 * the find cases seed "findables": a name and a value. With `key`, each findable is a remote secret
 * named after it; with `field`, findables are fields of the items that hold them. Either way the
 * provider must return exactly name → value for the findables that match.
 */
import type { ConformanceCapabilities, SeedOptions } from './conformance-adapter.js';
import type { CaseHarness, ConformanceCaseGroup } from './conformance-case.js';

/** A named value `find` may return. `item` groups findables into one remote item (field mode). */
interface Findable {
  readonly name: string;
  readonly item: string;
  readonly value: string;
}

/** Seeds findables; items get `options` (tags) in field mode, each key gets them in key mode. */
async function seedFindables(
  t: CaseHarness,
  findables: readonly Findable[],
  options?: SeedOptions,
): Promise<void> {
  if (t.capabilities.findReturns === 'key') {
    for (const f of findables) await t.seedRaw(f.name, f.value, options);
    return;
  }
  const items = new Map<string, Record<string, string>>();
  for (const f of findables) items.set(f.item, { ...(items.get(f.item) ?? {}), [f.name]: f.value });
  for (const [item, fields] of items) await t.seedRaw(item, { fields }, options);
}

function expected(findables: readonly Findable[]): Record<string, string> {
  return Object.fromEntries(findables.map((f) => [f.name, f.value]));
}

const findPathReason = (c: Pick<ConformanceCapabilities, 'findPath'>) =>
  c.findPath ? undefined : 'the provider has no notion of a path to search under';

export const findCases: ConformanceCaseGroup = {
  title: 'finding and naming keys',
  cases: [
    {
      name: 'finds remote secrets by name',
      skipReason: (c) => (c.supportsFindByName ? undefined : 'the provider cannot search by name'),
      async run(t) {
        // GIVEN two values whose names match and one whose name does not
        const [a, b, other] = ['match-a', 'match-b', 'other'].map((n) => ({
          name: `${t.id}-${n}`,
          item: t.key(n === 'match-b' ? 'second' : 'first'),
          value: t.value(n),
        }));
        await seedFindables(t, [a, b, other]);
        await t.startStore();
        // WHEN an ExternalSecret finds by a regular expression
        await t.sync(
          t
            .externalSecret('by-name')
            .withDataFromFind({ name: { regexp: `^${t.id}-match-` } })
            .build(),
        );
        // THEN exactly the matches are synced, each under its name
        expect(t.world.secretText('by-name')).toEqual(expected([a, b]));
      },
    },
    {
      name: 'finds remote secrets by tags',
      skipReason: (c) => (c.supportsTags ? undefined : 'the provider has no tags on remote secrets'),
      async run(t) {
        const tag = { [`conformance-${t.id}`]: 'selected' };
        const tagged = ['one', 'two'].map((n) => ({
          name: `${t.id}-${n}`,
          item: t.key(`tagged-${n}`),
          value: t.value(n),
        }));
        const untagged = { name: `${t.id}-three`, item: t.key('untagged'), value: t.value('three') };
        await seedFindables(t, tagged, { tags: tag });
        await seedFindables(t, [untagged], { tags: { [`conformance-${t.id}-other`]: 'x' } });
        await t.startStore();
        await t.sync(t.externalSecret('by-tags').withDataFromFind({ tags: tag }).build());
        expect(t.world.secretText('by-tags')).toEqual(expected(tagged));
      },
    },
    {
      name: 'finds remote secrets under a path',
      skipReason: findPathReason,
      async run(t) {
        if (t.capabilities.findPath === 'keyPrefix') {
          // keys under `<id>/in/` are found, under their keys with `/` converted to `_`
          await t.seedRaw(`${t.id}/in/a`, t.value('a'));
          await t.seedRaw(`${t.id}/in/b`, t.value('b'));
          await t.seedRaw(`${t.id}/out/c`, t.value('c'));
          await t.startStore();
          await t.sync(
            t
              .externalSecret('by-path')
              .withDataFromFind({ path: `${t.id}/in` })
              .build(),
          );
          expect(t.world.secretText('by-path')).toEqual({
            [`${t.id}_in_a`]: t.value('a'),
            [`${t.id}_in_b`]: t.value('b'),
          });
          return;
        }
        // the item whose key is the path gives its fields; other items give nothing
        const inside = await t.seed('in', {
          fields: { [`${t.id}-a`]: t.value('a'), [`${t.id}-b`]: t.value('b') },
        });
        await t.seed('out', { fields: { [`${t.id}-c`]: t.value('c') } });
        await t.startStore();
        await t.sync(t.externalSecret('by-path').withDataFromFind({ path: inside }).build());
        expect(t.world.secretText('by-path')).toEqual({
          [`${t.id}-a`]: t.value('a'),
          [`${t.id}-b`]: t.value('b'),
        });
      },
    },
    {
      name: 'renames extracted keys with rewrite',
      async run(t) {
        const key = await t.seed('rewrite', { fields: { 'db-user': t.value('u'), 'db-pass': t.value('p') } });
        await t.startStore();
        await t.sync(
          t
            .externalSecret('rewrite')
            .withDataFrom({
              extract: { key },
              rewrite: [{ regexp: { source: '^db-(.*)$', target: 'DB_$1' } }],
            })
            .build(),
        );
        expect(t.world.secretText('rewrite')).toEqual({ DB_user: t.value('u'), DB_pass: t.value('p') });
      },
    },
    {
      name: 'converts keys that are not valid Secret keys with conversionStrategy',
      async run(t) {
        // GIVEN field names with a space and a slash, which a Secret key cannot hold
        const key = await t.seed('convert', {
          fields: { 'api key': t.value('k'), 'user/name': t.value('n') },
        });
        await t.startStore();
        // WHEN they are extracted with each strategy
        await t.sync(t.externalSecret('default').withDataFromExtract(key).build());
        await t.sync(
          t.externalSecret('unicode').withDataFromExtract({ key, conversionStrategy: 'Unicode' }).build(),
        );
        // THEN Default replaces them with `_` and Unicode spells out their code points
        expect(t.world.secretText('default')).toEqual({ api_key: t.value('k'), user_name: t.value('n') });
        expect(t.world.secretText('unicode')).toEqual({
          api_U0020_key: t.value('k'),
          user_U002f_name: t.value('n'),
        });
      },
    },
  ],
};
