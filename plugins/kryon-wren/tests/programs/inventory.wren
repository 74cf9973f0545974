// An inventory with getters, setters, subscripts and static bookkeeping.
class Item {
  construct new(name, price, qty) {
    _name = name
    _price = price
    _qty = qty
    __created = (__created == null ? 0 : __created) + 1
  }
  static created { __created }
  name { _name }
  price { _price }
  price=(value) {
    if (!(value is Num) || value < 0) Fiber.abort("Bad price: %(value)")
    _price = value
  }
  qty { _qty }
  total { _price * _qty }
  toString { "%(_name) x%(_qty) @ %(_price)" }
}

class Inventory {
  construct new() { _items = {} }
  add(item) {
    _items[item.name] = item
    return this
  }
  [name] { _items[name] }
  [name]=(item) { _items[name] = item }
  count { _items.count }
  names {
    var n = _items.keys.toList
    n.sort {|a, b| a.bytes[0] < b.bytes[0] }
    return n
  }
  value { _items.values.reduce(0) {|sum, it| sum + it.total } }
}

var inv = Inventory.new()
inv.add(Item.new("widget", 2.5, 4)).add(Item.new("gadget", 10, 1))
inv["bolt"] = Item.new("bolt", 0.1, 30)
System.print(inv.count)
System.print(inv.names)
System.print(inv["widget"])
System.print(inv["nothing"])
System.print(inv.value)
inv["gadget"].price = 12
System.print(inv["gadget"].total)
System.print(Item.created)
var err = Fiber.new { inv["bolt"].price = -1 }.try()
System.print(err)
System.print(inv["bolt"].price)
System.print(inv["widget"].price = 3)
System.print("Total: %(inv.value)")
