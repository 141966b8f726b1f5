import { RunningHash } from '../../sim/hash';

/** What the image's main process is, which decides how it behaves and what it logs. */
export type ProcessKind =
  | 'nginx'
  | 'redis'
  | 'postgres'
  | 'busybox'
  | 'httpd'
  | 'memcached'
  | 'pause'
  | 'agnhost'
  | 'web'
  | 'api';

/** An image repository in the simulated registry. */
export type ImageInfo = {
  /** The short name people type: `nginx`, `registry.k8s.io/pause`. */
  readonly name: string;
  /** The fully qualified repository: `docker.io/library/nginx`. */
  readonly repository: string;
  /** Tag → compressed size in bytes (what a pull downloads and the Pulled event reports). */
  readonly tags: Readonly<Record<string, number>>;
  /** Tags that point at another tag's image (`latest` → `1.29`). */
  readonly aliases: Readonly<Record<string, string>>;
  /** What the container's process does, for people. */
  readonly description: string;
  readonly process: ProcessKind;
  /** The port its server listens on, if any. */
  readonly port?: number;
};

/**
 * The simulated registry: real repositories with tags and compressed sizes close to the real
 * linux/amd64 images (Docker Hub / registry.k8s.io, late 2025), plus two small demo images.
 * Any other image or tag is "not found", in the runtime's own words.
 *
 * @example
 * imageCatalogue.find((i) => i.name === 'nginx')?.tags['1.27']; // 72195292
 */
export const imageCatalogue: readonly ImageInfo[] = [
  {
    name: 'nginx',
    repository: 'docker.io/library/nginx',
    tags: {
      '1.27': 72_195_292,
      '1.28': 72_226_312,
      '1.29': 72_319_213,
      '1.27-alpine': 20_937_413,
      '1.29-alpine': 21_432_021,
    },
    aliases: { latest: '1.29', stable: '1.28', mainline: '1.29', alpine: '1.29-alpine' },
    description: 'nginx web server: serves the default welcome page on port 80',
    process: 'nginx',
    port: 80,
  },
  {
    name: 'redis',
    repository: 'docker.io/library/redis',
    tags: { '7.4': 45_180_216, '8.0': 52_840_332, '8.2': 53_312_768, '7.4-alpine': 17_232_460 },
    aliases: { latest: '8.2', alpine: '7.4-alpine' },
    description: 'Redis in-memory key-value store on port 6379',
    process: 'redis',
    port: 6379,
  },
  {
    name: 'postgres',
    repository: 'docker.io/library/postgres',
    tags: { '16': 158_230_110, '17': 160_412_388, '18': 162_115_433, '17-alpine': 109_273_021 },
    aliases: { latest: '18', alpine: '17-alpine' },
    description: 'PostgreSQL database server on port 5432',
    process: 'postgres',
    port: 5432,
  },
  {
    name: 'busybox',
    repository: 'docker.io/library/busybox',
    tags: { '1.36': 2_159_734, '1.37': 2_224_229 },
    aliases: { latest: '1.37', stable: '1.37' },
    description:
      'BusyBox shell and tools: runs its command (sh -c "…", sleep, echo) and exits when it ends',
    process: 'busybox',
  },
  {
    name: 'httpd',
    repository: 'docker.io/library/httpd',
    tags: { '2.4': 58_712_834, '2.4-alpine': 24_036_190 },
    aliases: { latest: '2.4', alpine: '2.4-alpine' },
    description: 'Apache HTTP Server: serves "It works!" on port 80',
    process: 'httpd',
    port: 80,
  },
  {
    name: 'memcached',
    repository: 'docker.io/library/memcached',
    tags: { '1.6': 33_015_448, '1.6-alpine': 4_889_210 },
    aliases: { latest: '1.6', alpine: '1.6-alpine' },
    description: 'memcached in-memory cache on port 11211',
    process: 'memcached',
    port: 11211,
  },
  {
    name: 'registry.k8s.io/pause',
    repository: 'registry.k8s.io/pause',
    tags: { '3.10': 320_368, '3.9': 321_520 },
    aliases: {},
    description:
      'the pause container: holds each pod sandbox’s network namespace and does nothing else',
    process: 'pause',
  },
  {
    name: 'registry.k8s.io/e2e-test-images/agnhost',
    repository: 'registry.k8s.io/e2e-test-images/agnhost',
    tags: { '2.53': 51_283_724 },
    aliases: {},
    description: 'Kubernetes’ test server: agnhost netexec answers HTTP on port 8080',
    process: 'agnhost',
    port: 8080,
  },
  {
    name: 'shipshape/web',
    repository: 'docker.io/shipshape/web',
    tags: { '1.0': 24_117_248, '2.0': 24_379_392 },
    aliases: { latest: '2.0' },
    description: 'Shipshape demo web front end on port 8080 (calls the api Service)',
    process: 'web',
    port: 8080,
  },
  {
    name: 'shipshape/api',
    repository: 'docker.io/shipshape/api',
    tags: { '1.0': 31_457_280 },
    aliases: { latest: '1.0' },
    description: 'Shipshape demo API on port 8080 (reads from redis)',
    process: 'api',
    port: 8080,
  },
];

/** The sandbox (pause) image every runtime keeps, as kubeadm v1.34 configures it. */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

const byRepository = new Map(imageCatalogue.map((info) => [info.repository, info]));

/** An image reference, normalized as docker/distribution's `ParseNormalizedNamed` does. */
export type ImageRef = {
  /** As the pod spec wrote it. */
  readonly given: string;
  /** `docker.io/library/nginx`. */
  readonly repository: string;
  /** `1.27` (`latest` when none was given). */
  readonly tag: string;
  /** `sha256:…` when the reference pins a digest. */
  readonly digest?: string;
  /** `docker.io/library/nginx:1.27`. */
  readonly full: string;
  /** `nginx:1.27`: the short form Docker prints. */
  readonly familiar: string;
  /** `nginx`. */
  readonly familiarRepository: string;
};

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/**
 * Parses an image reference, or returns the error text `ParseNormalizedNamed` would give
 * (`invalid reference format`, `… must be lowercase`).
 */
export function parseImageRef(given: string): ImageRef | { error: string } {
  let rest = given;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { error: 'invalid reference format' };
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { error: 'invalid reference format' };
  }
  if (!rest) return { error: 'invalid reference format' };
  const parts = rest.split('/');
  let domain = 'docker.io';
  const first = parts[0]!;
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    domain = first;
    parts.shift();
  }
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  for (const part of parts) {
    if (!COMPONENT.test(part)) {
      return {
        error:
          part.toLowerCase() !== part && COMPONENT.test(part.toLowerCase())
            ? 'invalid reference format: repository name must be lowercase'
            : 'invalid reference format',
      };
    }
  }
  const path = parts.join('/');
  const repository = `${domain}/${path}`;
  const effectiveTag = tag ?? 'latest';
  const familiarRepository =
    domain === 'docker.io' ? (path.startsWith('library/') ? path.slice(8) : path) : repository;
  const suffix = digest ? `@${digest}` : `:${effectiveTag}`;
  return {
    given,
    repository,
    tag: effectiveTag,
    ...(digest ? { digest } : {}),
    full: `${repository}${suffix}`,
    familiar: `${familiarRepository}${suffix}`,
    familiarRepository,
  };
}

/** What the registry holds for a reference: the repository and the resolved tag. */
export type Resolved = { info: ImageInfo; tag: string; size: number; digest: string };

/** Looks a reference up in the registry; `repository` or `tag` says what is missing. */
export function resolveImage(ref: ImageRef): Resolved | { missing: 'repository' | 'tag' } {
  const info = byRepository.get(ref.repository);
  if (!info) return { missing: 'repository' };
  if (ref.digest) {
    for (const tag of Object.keys(info.tags))
      if (`sha256:${repoDigest(info.repository, tag)}` === ref.digest)
        return { info, tag, size: info.tags[tag]!, digest: ref.digest.slice(7) };
    return { missing: 'tag' };
  }
  const tag = info.tags[ref.tag] !== undefined ? ref.tag : info.aliases[ref.tag];
  if (tag === undefined || info.tags[tag] === undefined) return { missing: 'tag' };
  return { info, tag, size: info.tags[tag], digest: repoDigest(info.repository, tag) };
}

/** The catalogue entry of a repository, if the registry has it. */
export function imageInfo(repository: string): ImageInfo | undefined {
  return byRepository.get(repository);
}

const digestCache = new Map<string, string>();

/**
 * A stable 64-hex "sha256" for a name: registries' digests are properties of the content, not
 * chance, so they come from the name rather than the simulation's PRNG.
 */
export function stableHex64(name: string): string {
  let out = '';
  for (let i = 0; out.length < 64; i += 1) {
    const hash = new RunningHash();
    hash.add(`${name}#${i}`);
    out += hash.hex();
  }
  return out.slice(0, 64);
}

/** The manifest digest of `repository:tag` (64 hex digits, without `sha256:`). */
export function repoDigest(repository: string, tag: string): string {
  const key = `${repository}:${tag}`;
  let digest = digestCache.get(key);
  if (!digest) digestCache.set(key, (digest = stableHex64(`manifest ${key}`)));
  return digest;
}

/** The image ID (config digest) of `repository:tag`, as `sha256:<64 hex>`. */
export function imageId(repository: string, tag: string): string {
  return `sha256:${stableHex64(`config ${repository}:${tag}`)}`;
}
