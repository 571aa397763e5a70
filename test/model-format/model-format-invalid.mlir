// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Every malformed naming attribute of the model format is rejected.

// expected-error@+1 {{'func.func' op argument 0 has more than one of kiln.input, kiln.param and kiln.state}}
func.func @both(%x: tensor<2xf32> {kiln.input = "x", kiln.param = "x"}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op model name 'x' of argument 0 is also the name of argument 1}}
func.func @duplicate(%x: tensor<2xf32> {kiln.input = "x"}, %y: tensor<2xf32> {kiln.param = "x"}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op model name 'x' of argument 0 is also the name of result 0}}
func.func @output_reuses_input(%x: tensor<2xf32> {kiln.input = "x"}) -> (tensor<2xf32> {kiln.output = "x"}) {
  return %x : tensor<2xf32>
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.input' must be a non-empty string}}
func.func @not_a_string(%x: tensor<2xf32> {kiln.input = 3 : i64}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.param' must be a non-empty string}}
func.func @empty_name(%x: tensor<2xf32> {kiln.param = ""}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op unknown initializer "xavier" on argument 0 (expected one of: zeros, ones, normal, uniform, kaiming_uniform, fan_in_uniform)}}
func.func @unknown_init(%w: tensor<2xf32> {kiln.param = "w", kiln.init = "xavier"}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.init' on argument 0 needs a 'kiln.param' name beside it}}
func.func @init_on_input(%x: tensor<2xf32> {kiln.input = "x", kiln.init = "zeros"}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op 'fan_in_uniform' on argument 0 needs a 'kiln.fan_in' integer}}
func.func @missing_fan_in(%b: tensor<2xf32> {kiln.param = "b", kiln.init = "fan_in_uniform"}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.fan_in' on argument 0 must be a positive integer}}
func.func @bad_fan_in(%b: tensor<2xf32> {kiln.param = "b", kiln.init = "fan_in_uniform", kiln.fan_in = 0 : i64}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op unknown kiln argument attribute 'kiln.weight'}}
func.func @unknown_arg_attr(%x: tensor<2xf32> {kiln.weight = "x"}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op unknown kiln result attribute 'kiln.input'}}
func.func @unknown_result_attr(%x: tensor<2xf32>) -> (tensor<2xf32> {kiln.input = "y"}) {
  return %x : tensor<2xf32>
}

// -----

// expected-error@+1 {{'func.func' op model name 'y' of result 0 is also the name of result 1}}
func.func @duplicate_outputs(%x: tensor<2xf32>) -> (tensor<2xf32> {kiln.output = "y"}, tensor<2xf32> {kiln.output = "y"}) {
  return %x, %x : tensor<2xf32>, tensor<2xf32>
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.seed' must be an integer on a function}}
func.func @bad_seed() attributes {kiln.seed = "seven"} {
  return
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.memory_plan' must be a dictionary of integers on a function}}
func.func @bad_memory_plan() attributes {kiln.memory_plan = {arena_bytes = "big"}} {
  return
}

// -----

// expected-error@+1 {{'func.func' op unknown kiln attribute 'kiln.sed'}}
func.func @unknown_op_attr() attributes {kiln.sed = 7 : i64} {
  return
}

// -----

// expected-error@+1 {{'func.func' op model argument 0 must be a ranked tensor}}
func.func @not_a_tensor(%x: i32 {kiln.input = "x"}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.buffer' on argument 0 needs a 'kiln.param' name beside it}}
func.func @buffer_on_state(%s: tensor<2xf32> {kiln.state = "s", kiln.buffer}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.buffer' on argument 0 takes no value}}
func.func @buffer_with_value(%p: tensor<2xf32> {kiln.param = "p", kiln.buffer = true}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.init_value' on argument 0 needs a 'kiln.state' name beside it}}
func.func @init_value_on_param(%p: tensor<2xf32> {kiln.param = "p", kiln.init_value = 1.0 : f64}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.init_value' on argument 0 must be a float}}
func.func @init_value_not_float(%s: tensor<2xf32> {kiln.state = "s", kiln.init_value = 1 : i64}) {
  return
}

// -----

// expected-error@+1 {{'func.func' op 'kiln.update' of result 0 names 'q', which is no kiln.param or kiln.state argument}}
func.func @update_unknown(%p: tensor<2xf32> {kiln.param = "p"}) -> (tensor<2xf32> {kiln.update = "q"}) {
  return %p : tensor<2xf32>
}

// -----

// expected-error@+1 {{'func.func' op result 0 of type 'tensor<3xf32>' cannot update 'p' of type 'tensor<2xf32>'}}
func.func @update_type(%p: tensor<2xf32> {kiln.param = "p"}, %x: tensor<3xf32> {kiln.input = "x"}) -> (tensor<3xf32> {kiln.update = "p"}) {
  return %x : tensor<3xf32>
}

// -----

// expected-error@+1 {{'func.func' op results 0 and 1 both update 's'}}
func.func @update_twice(%s: tensor<2xf32> {kiln.state = "s"}) -> (tensor<2xf32> {kiln.update = "s"}, tensor<2xf32> {kiln.update = "s"}) {
  return %s, %s : tensor<2xf32>, tensor<2xf32>
}

// -----

// expected-error@+1 {{'func.func' op result 0 cannot be both a kiln.output and a kiln.update}}
func.func @output_and_update(%s: tensor<2xf32> {kiln.state = "s"}) -> (tensor<2xf32> {kiln.output = "y", kiln.update = "s"}) {
  return %s : tensor<2xf32>
}

// -----

// expected-error@+1 {{'func.func' op model name 's' of argument 0 is also the name of argument 1}}
func.func @state_name_clash(%p: tensor<2xf32> {kiln.param = "s"}, %s: tensor<2xf32> {kiln.state = "s"}) {
  return
}
