import { dirname, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root: relative paths in the environment are resolved against it, never against cwd. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface Config {
  port: number
  host: string
  /** Directory holding `zigzag.db`; created on start if missing. */
  dataDir: string
  /** The built client (`npm run build` writes it to dist/client). */
  clientDir: string
  /** Base of the links handed out, e.g. `https://zigzag.example.org`; without it links follow the request's Host. */
  publicUrl: string | undefined
  /** How long a board stays in memory after its last connection leaves. */
  unloadGraceMs: number
  /** Updates appended to a board's log before it is folded into a new snapshot. */
  compactEvery: number
  /** While a board is edited, a version is saved at most this often; 0 turns it off. */
  autoVersionMs: number
}

export const DB_FILE = 'zigzag.db'

type Env = Record<string, string | undefined>

/** Reads the server settings from the environment. Pure: it touches no files. */
export function loadConfig(env: Env = {}, root: string = REPO_ROOT): Config {
  return {
    port: integer(env, 'PORT', 8080, 0, 65_535),
    host: text(env.HOST) ?? '0.0.0.0',
    dataDir: path(root, text(env.DATA_DIR) ?? './data'),
    clientDir: path(root, text(env.CLIENT_DIR) ?? './dist/client'),
    publicUrl: publicUrl(text(env.PUBLIC_URL)),
    unloadGraceMs: integer(env, 'UNLOAD_GRACE_MS', 5000, 0, 24 * 60 * 60 * 1000),
    compactEvery: integer(env, 'COMPACT_EVERY', 500, 1, 1_000_000),
    autoVersionMs: integer(env, 'AUTO_VERSION_MS', 10 * 60 * 1000, 0, 7 * 24 * 60 * 60 * 1000),
  }
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

function path(root: string, value: string): string {
  return isAbsolute(value) ? value : resolve(root, value)
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env[name])
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

function publicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL such as https://zigzag.example.org, got "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('PUBLIC_URL must start with http:// or https://')
  return url.origin + url.pathname.replace(/\/+$/, '')
}
