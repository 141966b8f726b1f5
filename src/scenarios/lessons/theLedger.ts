import type { Scenario } from '../types';
import { SETTLE_MS, classroomFleet } from './fleets';

/** 2. The ledger: etcd as a key-value store, revisions, watches, the cluster's own keys. */
export const theLedger: Scenario = {
  id: 'the-ledger',
  title: 'The ledger',
  summary:
    'Write in the ledger yourself with etcdctl: keys and values, revisions, watching a key change, the keys the cluster keeps for itself, and why the historic "etcdctl set" is now "put".',
  seed: 2,
  fleet: classroomFleet(),
  settle: SETTLE_MS,
  steps: [
    {
      id: 'put',
      title: 'Write a line',
      narration: {
        analogy:
          'The ledger is a book of lines, each a name and what it says. A clerk writes one down: “greeting: hello harbor”.',
        kubernetes:
          'etcd is a key-value store. etcdctl talks to it on port 2379 (peers use 2380). With the v3 API, the default since etcd 3.4, you write with put.',
      },
      command: 'etcdctl put greeting "hello harbor"',
      inputs: [{ exec: 'etcdctl put greeting "hello harbor"' }],
      highlight: [{ part: 'ledger' }],
      focus: { part: 'ledger' },
      complete: { after: 2_000 },
    },
    {
      id: 'get',
      title: 'Read it back',
      narration: {
        analogy: 'Ask the clerk for a name and you get the line back.',
        kubernetes: 'etcdctl get prints the key, then its value.',
      },
      command: 'etcdctl get greeting',
      inputs: [{ exec: 'etcdctl get greeting' }],
      complete: { after: 2_000 },
    },
    {
      id: 'revisions',
      title: 'Every write is numbered',
      narration: {
        analogy:
          'The ledger never rubs anything out. Every write gets the next number for the whole book, and each line remembers when it was first written, when it last changed and how many times.',
        kubernetes:
          'etcd keeps one revision for the whole store, bumped by every write. Each key has create_revision, mod_revision and version; older revisions stay readable until compaction (kube-apiserver compacts every 5 minutes). A resource’s resourceVersion is its mod_revision.',
      },
      command: 'etcdctl get greeting -w json',
      inputs: [
        { exec: 'etcdctl put greeting "hello again"' },
        { exec: 'etcdctl get greeting -w json' },
      ],
      complete: { after: 3_000 },
      question: {
        prompt: 'After two writes to greeting, what is its version?',
        reveal:
          '2: one for each put. Its mod_revision is the revision of the latest write, for the whole ledger.',
      },
    },
    {
      id: 'watch',
      title: 'Watching a line',
      narration: {
        analogy:
          'Nobody keeps rereading the ledger. You ask to be told when a line changes, and the news arrives as it is written.',
        kubernetes:
          'etcd watches deliver each change in revision order. kube-apiserver watches etcd, and every component watches kube-apiserver the same way: that is how the whole cluster reacts in milliseconds without polling.',
      },
      command: 'etcdctl watch greeting',
      inputs: [
        { exec: 'etcdctl watch greeting' },
        { exec: 'etcdctl put greeting "are you watching?"' },
      ],
      complete: { after: 3_000 },
    },
    {
      id: 'cluster-keys',
      title: 'The fleet’s own records',
      narration: {
        analogy:
          'Most of the ledger is the fleet’s own records: the ships, their check-ins, the namespaces, the call signs. The bridge keeps them, in lines with long, ordered names.',
        kubernetes:
          'Kubernetes keeps its objects under /registry/<resource>/<namespace>/<name>: nodes under /registry/minions, Leases under /registry/leases/kube-node-lease, Services under /registry/services/specs.',
      },
      command: 'etcdctl get /registry/ --prefix --keys-only',
      inputs: [{ exec: 'etcdctl get /registry/ --prefix --keys-only' }],
      complete: { after: 3_000 },
      simplification:
        'Real clusters store these values as protobuf (a k8s\\x00 envelope, decoded with auger); Shipshape shows JSON.',
    },
    {
      id: 'an-order-becomes-lines',
      title: 'An order becomes lines',
      narration: {
        analogy:
          'Place an order through the bridge, and watch new lines appear: the order, the office’s slip, one line per container.',
        kubernetes:
          'Creating a Deployment writes /registry/deployments/default/web; the controllers then write a ReplicaSet and one Pod key per replica — all through kube-apiserver.',
      },
      command: 'kubectl create deployment web --image=nginx:1.27 --replicas=2',
      inputs: [{ exec: 'kubectl create deployment web --image=nginx:1.27 --replicas=2' }],
      complete: { when: { podsRunning: { app: 'web', count: 2 } } },
    },
    {
      id: 'list-the-pods',
      title: 'Find the containers in the ledger',
      narration: {
        analogy:
          'The two containers are now lines in the ledger too, with everything about them: which ship, which image, how they are doing.',
        kubernetes:
          'Each Pod is one key under /registry/pods/default/. kubectl get pods reads the same data through the API server.',
      },
      command: 'etcdctl get /registry/pods/default --prefix --keys-only',
      inputs: [{ exec: 'etcdctl get /registry/pods/default --prefix --keys-only' }],
      complete: { after: 3_000 },
    },
    {
      id: 'the-old-way',
      title: 'The old way: set',
      narration: {
        analogy:
          'Old harbor guides tell you to write with “set”. That was the ledger’s first language. Clerks still understand it here, but they answer in the current one.',
        kubernetes:
          '`etcdctl set key1 value1` is the etcd v2 API. etcdctl defaults to v3 since etcd 3.4, and v2 is gone from etcd 3.6: use `etcdctl put key1 value1`.',
      },
      command: 'etcdctl set key1 value1',
      inputs: [{ exec: 'etcdctl set key1 value1' }],
      complete: { after: 3_000 },
    },
    {
      id: 'only-through-the-bridge',
      title: 'Only through the bridge',
      narration: {
        analogy:
          'Tearing lines out of the ledger behind the bridge’s back is dangerous: the bridge sees the lines vanish, and the Cargo office orders replacements at once. Never do this on a real fleet.',
        kubernetes:
          'Deleting pod keys directly in etcd skips validation, admission and graceful termination. kube-apiserver’s watch still sees the deletes, so the ReplicaSet controller creates replacement pods. Change the cluster through the API, never through etcd.',
      },
      command: 'etcdctl del /registry/pods/default --prefix',
      inputs: [{ exec: 'etcdctl del /registry/pods/default --prefix' }],
      complete: {
        when: {
          allOf: [
            { event: { type: 'k8s.SuccessfulCreate', count: 2 } },
            { podsRunning: { app: 'web', count: 2 } },
          ],
        },
      },
      notes:
        'This is the one place the lesson breaks the rules on purpose. Ask: which component noticed first? (the API server’s watch on etcd, then the ReplicaSet controller’s watch on the API server).',
    },
  ],
};
