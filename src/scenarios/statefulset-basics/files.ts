// The learner's virtual home for the StatefulSet basics tutorial (seed 004): a headless Service `nginx` and a
// StatefulSet `web` of two nginx-slim Pods, each with its own 1Gi claim from the volumeClaimTemplate `www`.

export const slim07 = 'registry.k8s.io/nginx-slim:0.7';
export const slim08 = 'registry.k8s.io/nginx-slim:0.8';

export const webYaml = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${slim08}
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;

/** `kubectl patch` of the first container's image, as a JSON patch (the seed's form). */
export const imagePatch = (image: string) =>
  `kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"${image}"}]'`;

/** Each Pod's name and image, one per line. */
export const podImages = `kubectl get pods -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.containers[0].image}{"\\n"}{end}'`;
