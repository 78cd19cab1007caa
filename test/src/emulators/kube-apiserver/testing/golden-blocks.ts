/** The expected outputs (blocks A–D) of the contract's §17 golden checks, after normalisation. */

/** Block A: `kubectl get widget w1 -n demo -o yaml` after G5. */
export const BLOCK_A = `apiVersion: example.com/v1alpha1
kind: Widget
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"example.com/v1alpha1","kind":"Widget","metadata":{"annotations":{},"name":"w1","namespace":"demo"},"spec":{"color":"blue","size":3}}
  creationTimestamp: "<RFC3339>"
  generation: 1
  name: w1
  namespace: demo
  resourceVersion: "<RV>"
  uid: <UUID>
spec:
  color: blue
  size: 3`;

/** Block B: `kubectl describe widget w1 -n demo` in the state of G14. */
export const BLOCK_B = `Name:         w1
Namespace:    demo
Labels:       <none>
Annotations:  <none>
API Version:  example.com/v1alpha1
Kind:         Widget
Metadata:
  Creation Timestamp:  <RFC3339>
  Generation:          1
  Resource Version:    <RV>
  UID:                 <UUID>
Spec:
  Color:  blue
  Size:   3
Status:
  Conditions:
    Last Transition Time:  2025-01-01T00:00:00Z
    Message:               all good
    Observed Generation:   1
    Reason:                Reconciled
    Status:                True
    Type:                  Ready
  Observed Generation:     1
Events:                    <none>`;

/** Block C: `kubectl describe secret creds -n demo`. */
export const BLOCK_C = `Name:         creds
Namespace:    demo
Labels:       <none>
Annotations:  <none>

Type:  Opaque

Data
====
password:  6 bytes`;

/** Block D: `kubectl describe ns demo`. */
export const BLOCK_D = `Name:         demo
Labels:       kubernetes.io/metadata.name=demo
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.`;
