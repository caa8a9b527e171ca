/**
 * Malformed interaction shapes for property tests: a valid interaction of every Discord
 * interaction type (PING, slash command with every option type, user and message menus, entry
 * point, autocomplete, button and select menus, modal submit, unknown types), then up to three
 * fields deleted or replaced with a value of another JSON type (null, numbers, strings that are
 * too long, hold a lone surrogate or emoji, arrays such as `["32"]`, objects, `__proto__`).
 */
import fc from 'fast-check';
import { commands } from '../../commands/index';
import { autocomplete, buttonPress, chatInput, messageMenu, snowflake } from '../discord/fakeDiscord';
import { WHO_SAID_MENU } from '../../src/discord/definitions';
import { emojiHeavy, hostileText } from './hostile';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** An object with an own `__proto__` key, as JSON.parse makes it (a literal would set the prototype). */
function protoKey(value: Json): Json {
  const o: Record<string, Json> = {};
  Object.defineProperty(o, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Values of every JSON type that do not belong where they are put. */
export const hostileJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, 2 ** 64, '', '32', '0x20', '-32', '1e3', ' 32', '\ud83d', 'a\udc00b', ['32'], [32], [], {}, { id: '1' }, [null]),
  fc.constant(protoKey({ polluted: true, query: 'armistice' })),
  fc.constant('x'.repeat(7000)),
  emojiHeavy,
  hostileText,
  fc.integer(),
  fc.double(),
  fc.dictionary(fc.constantFrom('id', 'user', 'name', 'type', 'value', 'permissions', 'content'), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);

/** A value of the right kind for each Discord option type (1–11), sometimes of the wrong kind. */
function optionOfType(type: number, name: string): fc.Arbitrary<Json> {
  const right: Record<number, fc.Arbitrary<Json>> = {
    1: fc.constant(null),
    2: fc.constant(null),
    3: fc.oneof(hostileText, emojiHeavy),
    4: fc.integer(),
    5: fc.boolean(),
    6: fc.constant('444444444444444444'),
    7: fc.constant('333333333333333333'),
    8: fc.constant('222222222222222222'),
    9: fc.constant('444444444444444444'),
    10: fc.double({ noNaN: true, noDefaultInfinity: true }),
    11: fc.constant('555555555555555555'),
  };
  return fc.oneof({ weight: 4, arbitrary: right[type]! }, { weight: 1, arbitrary: hostileJson }).map((value): Json =>
    type <= 2 ? { name, type, options: [] } : { name, type, value },
  );
}

const names = commands.map((c) => c.definition.name);
const optionNames = [...new Set(commands.flatMap((c) => c.definition.options.map((o) => o.name))), 'hide', '__proto__', 'constructor', 'zz'];

/** A slash command with options of any of Discord's eleven option types. */
const slash = fc
  .tuple(fc.constantFrom(...names), fc.array(fc.tuple(fc.constantFrom(...optionNames), fc.integer({ min: 1, max: 11 })), { maxLength: 4 }), fc.boolean(), fc.boolean())
  .chain(([name, opts, admin, dm]) =>
    fc.tuple(...opts.map(([n, t]) => optionOfType(t, n))).map((options) => {
      const raw = chatInput(name, {}, { admin, dm }) as unknown as Record<string, Json>;
      (raw.data as Record<string, Json>).options = options;
      return raw;
    }),
  );

function withData(base: Record<string, unknown>, data: Json, type?: number): Record<string, Json> {
  const raw = structuredClone(base) as unknown as Record<string, Json>;
  raw.data = data;
  if (type !== undefined) raw.type = type;
  return raw;
}

/** A valid (or nearly valid) interaction of every kind Discord sends. */
export const interactionSeed: fc.Arbitrary<Record<string, Json>> = fc.oneof(
  // The admin-only command with every kind of permissions field.
  fc.oneof(hostileJson, fc.constantFrom<Json>('32', '8', '40', '0', '2048', String(1n << 45n))).map((permissions) => {
    const raw = chatInput('reload') as unknown as Record<string, Json>;
    (raw.member as Record<string, Json>).permissions = permissions;
    return raw;
  }),
  fc.constant({ type: 1, id: snowflake(), application_id: '111111111111111111', token: 'tok', version: 1 } as Record<string, Json>),
  slash,
  fc.tuple(fc.constantFrom('speaker', 'party', 'article', 'query'), hostileText).map(([o, v]) => autocomplete(names.includes('quotes') ? 'quotes' : names[0]!, o, v) as unknown as Record<string, Json>),
  fc.constantFrom('p:search:1:armistice', 'k:nope:1', 'x:prev', 'p:people:0').map((id) => buttonPress(id) as unknown as Record<string, Json>),
  fc.oneof(hostileText, emojiHeavy).map((content) => messageMenu(WHO_SAID_MENU, content) as unknown as Record<string, Json>),
  fc.constantFrom(2, 4).map((t) => withData(chatInput('search'), { id: snowflake(), name: 'Some menu', type: t, target_id: '444444444444444444' })),
  fc.constantFrom(3, 5, 6, 7, 8).map((ct) => withData(buttonPress('x'), { custom_id: 'menu', component_type: ct, values: ['a'] })),
  fc.constant(withData(chatInput('search'), { custom_id: 'modal', components: [] }, 5)),
  fc.constantFrom(0, 6, 99, -1, 1.5).map((t) => withData(chatInput('search'), { name: 'search', type: 1 }, t)),
);

/** Every path to a value inside `value`. */
function pathsOf(value: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...prefix, i]), pathsOf(v, [...prefix, i], out)));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      pathsOf(v, [...prefix, k], out);
    }
  }
  return out;
}

/** Deletes (or replaces) the value at `path`. */
function mutate(root: Json, path: Array<string | number>, replacement: Json | undefined): void {
  let at = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(at)) at.splice(Number(last), 1);
    else delete at[last];
  } else {
    Object.defineProperty(at, last, { value: replacement, enumerable: true, writable: true, configurable: true });
  }
}

/** An interaction of any type with 0–3 fields deleted or replaced, as the JSON text Discord would send. */
export const malformedInteraction: fc.Arbitrary<string> = fc
  .tuple(interactionSeed, fc.array(fc.tuple(fc.nat(), fc.option(hostileJson, { nil: undefined })), { maxLength: 3 }))
  .map(([seed, edits]) => {
    const raw = structuredClone(seed);
    for (const [pick, replacement] of edits) {
      const paths = pathsOf(raw);
      // A copy: the replacement may be a shared constant, and a later edit may reach inside it.
      if (paths.length) mutate(raw, paths[pick % paths.length]!, replacement === undefined ? undefined : (JSON.parse(JSON.stringify(replacement)) as Json));
    }
    return JSON.stringify(raw);
  });
