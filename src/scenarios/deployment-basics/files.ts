// The files in the learner's virtual home directory for this scenario.

export const webDeploy = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-deploy
spec:
  replicas: 4
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.17
`;

export const webDeploy118 = webDeploy.replace('image: nginx:1.17', 'image: nginx:1.18');
