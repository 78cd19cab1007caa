/** The manifests of the wire contract's Appendix A, used by the §17 golden kubectl checks. */

/** `crd.yaml` */
export const CRD_YAML = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names:
    kind: Widget
    listKind: WidgetList
    plural: widgets
    singular: widget
    shortNames: [wg]
  scope: Namespaced
  versions:
  - name: v1alpha1
    served: true
    storage: true
    subresources:
      status: {}
    additionalPrinterColumns:
    - name: Ready
      type: string
      jsonPath: .status.conditions[?(@.type=="Ready")].status
    - name: Size
      type: integer
      jsonPath: .spec.size
    - name: Message
      type: string
      priority: 1
      jsonPath: .status.conditions[?(@.type=="Ready")].message
    - name: Age
      type: date
      jsonPath: .metadata.creationTimestamp
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size:
                type: integer
                default: 1
              color:
                type: string
          status:
            type: object
            x-kubernetes-preserve-unknown-fields: true
`;

/** `ns.yaml` */
export const NS_YAML = `apiVersion: v1
kind: Namespace
metadata:
  name: demo
`;

/** `secret.yaml` */
export const SECRET_YAML = `apiVersion: v1
kind: Secret
metadata:
  name: creds
  namespace: demo
type: Opaque
stringData:
  password: s3cret
`;

/** `widget.yaml` */
export const WIDGET_YAML = `apiVersion: example.com/v1alpha1
kind: Widget
metadata:
  name: w1
  namespace: demo
spec:
  size: 3
  color: blue
`;

/** `all.yaml`: CRD, Namespace and Widget in one file. */
export const ALL_YAML = [CRD_YAML, NS_YAML, WIDGET_YAML].join('---\n');
