export { loadArticleScenario, scenariosDir, type ArticleScenario } from './load-scenario';
export { valueAtPath } from './answer-path';
export { shareAsPercent } from './share-format';
