import type { Scenario } from '../types';
import { SETTLE_MS, classroomFleet } from './fleets';

const api = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: shipshape/api:1.0
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector: { app: api }
  ports:
    - port: 80
      targetPort: 8080
`;

const web = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: shipshape/web:1.0
          env:
            - { name: SHIPSHAPE_TRAFFIC_TO, value: "api:80" }
            - { name: SHIPSHAPE_TRAFFIC_EVERY, value: "2" }
`;

/** 9. Ship to ship: a Service, EndpointSlices and kube-proxy rules carry web → api traffic across ships. */
export const shipToShip: Scenario = {
  id: 'ship-to-ship',
  title: 'Ship to ship',
  summary:
    'A web container on one ship calls an api container on another through a call sign (a Service). The Services office keeps the address board, every signal officer turns it into routing rules, and when the api containers are replaced the traffic follows.',
  seed: 9,
  fleet: classroomFleet(),
  settle: SETTLE_MS,
  steps: [
    {
      id: 'a-call-sign',
      title: 'A call sign',
      narration: {
        analogy:
          'Two api containers sail on different ships. Instead of chasing them, everyone calls them by one call sign, “api”, with a fixed address. The Services office keeps the board of which containers answer to it.',
        kubernetes:
          'A Service named api gets a stable ClusterIP from 10.96.0.0/12 and selects pods labelled app=api. The EndpointSlice controller lists the ready pods’ IPs and ports (targetPort 8080) in an EndpointSlice.',
      },
      command: 'kubectl apply -f api.yaml',
      inputs: [{ apply: api }],
      highlight: [{ part: 'services' }, { service: 'api' }],
      complete: { when: { endpoints: { service: 'api', ready: 2 } } },
    },
    {
      id: 'the-board',
      title: 'The address board',
      narration: {
        analogy: 'The board now lists both api containers, with their ship and address.',
        kubernetes:
          '`kubectl get svc` shows the ClusterIP; `kubectl get endpointslices` shows the pod IPs behind it. Only ready pods receive traffic.',
      },
      command: 'kubectl get svc,endpointslices',
      inputs: [{ exec: 'kubectl get svc,endpointslices' }],
      complete: { after: 3_000 },
    },
    {
      id: 'web-calls',
      title: 'Web calls api',
      narration: {
        analogy:
          'Web containers start calling “api”. Each call goes to the signal officer on the caller’s own ship, who picks one of the api containers from the routes table and sends it across.',
        kubernetes:
          'Each web pod sends a request to api:80 every 2 s. kube-proxy on its node has programmed iptables rules — KUBE-SERVICES → KUBE-SVC-… → one KUBE-SEP-… per endpoint, chosen at random (probability 0.5 for the first of two) — that DNAT the ClusterIP to a pod IP.',
      },
      command: 'kubectl apply -f web.yaml',
      inputs: [{ apply: web }],
      highlight: [
        { ship: 'ship-1', detail: 'signal-officer' },
        { ship: 'ship-2', detail: 'signal-officer' },
        { ship: 'ship-3', detail: 'signal-officer' },
      ],
      complete: { when: { podsRunning: { app: 'web', count: 2 } } },
      simplification:
        'Name lookup (DNS, CoreDNS) is not modelled: “api” resolves straight to the Service’s ClusterIP.',
    },
    {
      id: 'by-hand',
      title: 'Call it yourself',
      narration: {
        analogy:
          'Step onto a web container and call “api” yourself: the answer says which api container replied.',
        kubernetes:
          '`kubectl exec … -- curl http://api` runs curl in the web pod; the packet follows that node’s kube-proxy rules to one api pod.',
      },
      command: 'kubectl exec deploy/web -- curl http://api',
      inputs: [{ exec: 'kubectl exec deploy/web -- curl http://api' }],
      complete: { after: 4_000 },
    },
    {
      id: 'replaced',
      title: 'The api containers are replaced',
      narration: {
        analogy:
          'Both api containers are swapped for new ones, on new ships, with new addresses. The Services office updates the board, the signal officers rewrite their routes, and the calls follow without web noticing.',
        kubernetes:
          'Deleting the pods makes the ReplicaSet create new ones with new IPs. The EndpointSlice is updated when they turn ready; kube-proxy rewrites its rules (at most once a second, --iptables-min-sync-period). Web keeps calling the same ClusterIP.',
      },
      command: 'kubectl delete pod -l app=api',
      inputs: [{ exec: 'kubectl delete pod -l app=api' }],
      complete: {
        when: {
          allOf: [
            { event: { type: 'k8s.Started', subject: 'api', count: 2 } },
            { endpoints: { service: 'api', ready: 2 } },
          ],
        },
      },
      question: {
        prompt: 'While the new api containers start, where do web’s calls go?',
        reveal:
          'Only to ready endpoints. Terminating pods leave the ready list at once, so calls go to whichever api pods are ready — for a moment none, and the call is refused.',
      },
    },
    {
      id: 'unready',
      title: 'One stops answering its health check',
      narration: {
        analogy:
          'One api container says it is not well. The board marks it “not ready”, and no signal officer sends it traffic, though it keeps sailing.',
        kubernetes:
          'Its readiness probe fails 3 times (every 10 s): the container is not ready, the pod’s Ready condition is False, its endpoint is marked not ready and kube-proxy drops it from the rules. It is not restarted — that is what a liveness probe would do.',
      },
      command: 'fault fail-probe -l app=api --probe=readiness',
      inputs: [{ fault: { kind: 'fail-probe', selector: 'app=api', probe: 'readiness' } }],
      complete: { when: { endpoints: { service: 'api', ready: 1 } } },
    },
  ],
};
