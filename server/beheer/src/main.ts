// The console's entry: registers its elements; index.html holds <beheer-app>.
import './elements/beheer-app.js';
