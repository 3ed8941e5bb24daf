/** Loads a hooks module (`--hooks`) and checks it has the interface. */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HOOK_NAMES, VerifyAbort, type DmHooks, type HooksContext } from './types.js';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The hooks of an already imported module (named exports, a default object, or a default factory). */
export async function hooksFromModule(
  mod: Record<string, unknown>,
  where: string,
  context: HooksContext,
): Promise<DmHooks> {
  let hooks: unknown = HOOK_NAMES.some((n) => n in mod) ? mod : mod.default;
  if (typeof hooks === 'function') {
    try {
      hooks = await (hooks as (c: HooksContext) => unknown)(context);
    } catch (error) {
      throw new VerifyAbort(
        `the hooks file ${where} threw when its default export was called: ${message(error)}`,
        error,
      );
    }
  }
  return checkHooks(hooks, where);
}

/** Checks a hooks object: at least one hook, and every hook given is a function. */
export function checkHooks(hooks: unknown, where: string): DmHooks {
  if (!hooks || typeof hooks !== 'object') {
    throw new VerifyAbort(
      `the hooks file ${where} exports none of ${HOOK_NAMES.join(', ')} (named exports, a default object, or a default function returning one)`,
    );
  }
  const h = hooks as Record<string, unknown>;
  const present = HOOK_NAMES.filter((n) => h[n] !== undefined);
  if (!present.length)
    throw new VerifyAbort(`the hooks file ${where} exports none of ${HOOK_NAMES.join(', ')}`);
  for (const n of present) {
    if (typeof h[n] !== 'function')
      throw new VerifyAbort(`the hooks file ${where}: ${n} is ${typeof h[n]}, not a function`);
  }
  return Object.fromEntries(
    present.map((n) => [n, (h[n] as (...a: unknown[]) => unknown).bind(h)]),
  ) as DmHooks;
}

/** Imports a hooks module by path (relative to the working directory) or package specifier. */
export async function loadHooks(spec: string, context: HooksContext): Promise<DmHooks> {
  const isPath = spec.startsWith('.') || isAbsolute(spec) || /\.[cm]?[jt]s$/.test(spec);
  const url = isPath ? pathToFileURL(resolve(process.cwd(), spec)).href : spec;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (
      code === 'ERR_MODULE_NOT_FOUND' &&
      String(message(error)).includes(isPath ? resolve(process.cwd(), spec) : spec)
    ) {
      throw new VerifyAbort(`cannot load the hooks file ${spec}: no such file`, error);
    }
    throw new VerifyAbort(`the hooks file ${spec} threw while loading: ${message(error)}`, error);
  }
  return hooksFromModule(mod, spec, context);
}
