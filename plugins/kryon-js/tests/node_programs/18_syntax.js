console.log('x');
const a = ;
