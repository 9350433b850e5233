# Thin aliases for the npm scripts, named as in the original contract.
.PHONY: dev start test migrate superuser typecheck lint format bench

dev:
	npm run dev

start:
	npm start

test:
	npm test

migrate:
	npm run migrate

superuser:
	npm run cli -- createsuperuser

typecheck:
	npm run typecheck

lint:
	npm run lint

format:
	npm run format

bench:
	npm run bench -- solve
