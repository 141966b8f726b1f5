import type { Scenario } from '../types';
import { SETTLE_MS, classroomFleet } from './fleets';

/** 5. A damaged container: crash, restart with back-off (CrashLoopBackOff), recovery, out of memory. */
export const damagedContainer: Scenario = {
  id: 'damaged-container',
  title: 'A damaged container',
  summary:
    'A container keeps breaking. Its captain restarts it, waiting longer each time (CrashLoopBackOff), until it holds; then it runs out of memory. The Cargo office never gets involved: this is the captain’s job.',
  seed: 5,
  fleet: classroomFleet(),
  settle: SETTLE_MS,
  steps: [
    {
      id: 'all-well',
      title: 'All well',
      narration: {
        analogy: 'One container of web cargo, loaded and running.',
        kubernetes:
          'A Deployment with one replica; its pod is Running with 0 restarts. The pod’s restartPolicy is Always, as Deployments require.',
      },
      command: 'kubectl create deployment web --image=nginx:1.27',
      inputs: [{ exec: 'kubectl create deployment web --image=nginx:1.27' }],
      complete: { when: { podsRunning: { app: 'web', count: 1 } } },
    },
    {
      id: 'it-breaks',
      title: 'It breaks',
      narration: {
        analogy:
          'The cargo inside fails and the container stops. The captain notices within a second and restarts it on the same ship: no new order, no crane.',
        kubernetes:
          'The process exits with code 1: the container is Terminated with reason Error. The kubelet (PLEG) notices and, because restartPolicy is Always, restarts it in the same pod. RESTARTS counts up; the pod, its name and its IP stay.',
      },
      command: 'fault crash-container -l app=web --exit-code=1 --times=5',
      inputs: [{ fault: { kind: 'crash-container', selector: 'app=web', exitCode: 1, times: 5 } }],
      highlight: [{ app: 'web' }],
      complete: { when: { restarts: { app: 'web', atLeast: 1 } } },
      simplification:
        'Shipshape makes the process fail on demand: the next five starts exit with code 1 shortly after starting.',
    },
    {
      id: 'crash-loop',
      title: 'Crash loop',
      narration: {
        analogy:
          'It breaks again. Now the captain waits before each restart, a little longer every time, so a broken container does not keep the crew busy.',
        kubernetes:
          'The kubelet backs off: 10 s, 20 s, 40 s… capped at 5 minutes. While it waits, the container is Waiting with reason CrashLoopBackOff — a state kubectl shows, not a pod phase (the phase stays Running).',
      },
      command: 'kubectl get pods',
      inputs: [{ exec: 'kubectl get pods' }],
      complete: { when: { podsWithStatus: { app: 'web', status: 'CrashLoopBackOff' } } },
      question: {
        prompt: 'If it keeps failing, how long will the captain wait before the 6th restart?',
        reveal: 'The delay doubles from 10 s: 10, 20, 40, 80, 160 s, then stays at the 300 s cap.',
      },
    },
    {
      id: 'backing-off',
      title: 'Backing off',
      narration: {
        analogy: 'The ship’s log shows each failure: when it stopped, why, and how many times.',
        kubernetes:
          '`kubectl describe pod` shows State: Waiting (CrashLoopBackOff), Last State: Terminated, Reason: Error, Exit Code: 1, and Restart Count; the events show BackOff “Back-off restarting failed container”.',
      },
      command: 'kubectl describe pod -l app=web',
      inputs: [{ exec: 'kubectl describe pod -l app=web' }],
      complete: { when: { restarts: { app: 'web', atLeast: 4 } } },
      notes:
        'Use “Skip the wait” here: the back-off timers are real Kubernetes timers, so this takes a couple of simulated minutes.',
    },
    {
      id: 'recovery',
      title: 'It holds',
      narration: {
        analogy:
          'The fault clears and the container stays up. If it keeps running for ten minutes, the captain forgets the old trouble and starts counting from scratch.',
        kubernetes:
          'After the last failure the container keeps running: Ready again, RESTARTS 5. The back-off resets after 10 minutes of clean running.',
      },
      complete: {
        when: {
          allOf: [
            { restarts: { app: 'web', atLeast: 5 } },
            { podsRunning: { app: 'web', count: 1 } },
          ],
        },
      },
    },
    {
      id: 'out-of-memory',
      title: 'Out of memory',
      narration: {
        analogy:
          'Another kind of damage: the cargo grows bigger than its container allows, and the ship’s safety system throws it out.',
        kubernetes:
          'When a container exceeds its memory limit the kernel’s OOM killer stops it: Terminated, reason OOMKilled, exit code 137 (128 + SIGKILL). The kubelet restarts it like any other failure.',
      },
      command: 'fault oom-kill -l app=web',
      inputs: [{ fault: { kind: 'oom-kill', selector: 'app=web' } }],
      complete: { when: { restarts: { app: 'web', atLeast: 6 } } },
      simplification:
        'The pod here has no memory limit; Shipshape triggers the OOM kill on demand to show what it looks like.',
    },
    {
      id: 'the-logs',
      title: 'Reading the logs',
      narration: {
        analogy:
          'To learn what happened, the bridge calls the captain and asks for the container’s log — the one time the bridge calls a captain rather than the other way round.',
        kubernetes:
          '`kubectl logs` goes through kube-apiserver to the kubelet on port 10250; `--previous` shows the log of the instance that died.',
      },
      command: 'kubectl logs deploy/web --previous',
      inputs: [{ exec: 'kubectl logs deploy/web --previous' }],
      complete: { after: 3_000 },
    },
  ],
};
