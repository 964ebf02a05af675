/** HN-15 and HN-17: scenario applications with their compliance reviews, products, secondary developers, disclosures. */
export { scenarioRouter } from './scenario';
export { productRouter } from './product';
export { developerRouter } from './developer';
export { disclosureRouter } from './disclosure';
