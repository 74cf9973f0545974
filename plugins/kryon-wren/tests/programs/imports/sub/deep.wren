import "../util" for Helper
class Deep { static go() { Helper.greet("deep") } }
